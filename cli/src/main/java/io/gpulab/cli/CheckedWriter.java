package io.gpulab.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Writes to an output stream like a {@link PrintWriter} and remembers the first failed write, because a
 * {@code PrintWriter} only keeps a flag: {@code gpulab ... >/dev/full} must end with "write error" and its cause, as
 * {@code sha256sum} does, instead of exit code 0 with the results lost.
 */
final class CheckedWriter extends PrintWriter {

    private final Recorder recorder;

    private CheckedWriter(Recorder recorder, Charset charset) {
        super(new OutputStreamWriter(recorder, charset), true);
        this.recorder = recorder;
    }

    /** Returns a writer to this stream, flushed on every line, that remembers its first write failure. */
    static CheckedWriter of(OutputStream stream, Charset charset) {
        return new CheckedWriter(new Recorder(stream), charset);
    }

    /** Returns the first write failure, or null when every write so far succeeded. */
    IOException failure() {
        return recorder.failure;
    }

    /** Passes bytes through and keeps the first exception of a write or flush. */
    private static final class Recorder extends FilterOutputStream {
        private volatile IOException failure;

        Recorder(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw record(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw record(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw record(e);
            }
        }

        private IOException record(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
    }
}
