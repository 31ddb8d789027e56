package io.gpulab.gpu.device;

import io.gpulab.api.BackendException;
import java.nio.ByteBuffer;

/**
 * A device buffer that a kernel keeps across runs, reallocated (contents lost) only when a run needs more bytes
 * than it holds, with a host staging area of the same capacity outside the Java heap (pinned memory on CUDA, a
 * direct buffer on OpenCL) that its transfers read and write, so that the runtime copies by DMA from memory that
 * does not move.
 */
public interface DeviceBuffer extends AutoCloseable {

    /** What crosses the host/device boundary through a buffer. */
    enum Access {
        /** Written by the host, read by kernels: staged. */
        IN,
        /** Written by kernels, read by the host: staged. */
        OUT,
        /** Written and read by kernels only: no host staging. */
        SCRATCH
    }

    /**
     * An argument pointing {@code offset} bytes into a buffer.
     *
     * @param buffer the buffer
     * @param offset the byte offset, a multiple of {@link Device#offsetAlignment}
     */
    record Slice(DeviceBuffer buffer, long offset) {
    }

    /**
     * Makes room for at least {@code bytes} (at least one) and returns true when that (re)allocated the buffer, so
     * that its device contents are lost (also after a runtime recovered its context).
     *
     * @throws io.gpulab.api.DeviceOutOfMemoryException when the device cannot hold the buffer
     */
    boolean ensure(long bytes);

    /** Returns the bytes the buffer holds now; 0 before the first {@link #ensure} and after {@link #close}. */
    long capacity();

    /** Returns a little-endian view of the whole host staging area, position 0; not for {@code SCRATCH}. */
    ByteBuffer host();

    /** Enqueues the copy of the first {@code bytes} of the staging area to the device; nothing for 0. */
    void upload(long bytes);

    /** Enqueues the copy of device bytes {@code [offset, offset + bytes)} to the same place in the staging area. */
    void download(long offset, long bytes);

    /**
     * Enqueues the copy of {@code bytes} of direct host memory, from byte {@code hostOffset} of {@code from}
     * (counted from index 0, whatever its position), to the start of the device buffer, with no staging copy; nothing
     * for 0. The memory must stay unchanged until the host waits ({@link Device#sync}, {@link Device#endRun}).
     *
     * @throws io.gpulab.api.BackendException when {@code from} is not direct or the range does not fit
     */
    void upload(ByteBuffer from, long hostOffset, long bytes);

    /**
     * Enqueues the copy of device bytes {@code [offset, offset + bytes)} into direct host memory, from byte
     * {@code hostOffset} of {@code to} (counted from index 0), with no staging copy; nothing for 0. The bytes are
     * valid once the host waits ({@link Device#sync}, {@link Device#endRun}).
     *
     * @throws io.gpulab.api.BackendException when {@code to} is not direct or the range does not fit
     */
    void download(long offset, long bytes, ByteBuffer to, long hostOffset);

    /**
     * Checks a direct copy's host range.
     *
     * @throws io.gpulab.api.BackendException when {@code host} is not a direct buffer or the range lies outside it
     */
    static void checkHost(String what, ByteBuffer host, long hostOffset, long bytes) {
        if (!host.isDirect()) {
            throw new BackendException(what + ": a direct copy needs direct host memory, not a heap "
                    + "buffer");
        }
        if (hostOffset < 0 || bytes < 0 || hostOffset + bytes > host.capacity()) {
            throw new BackendException(what + ": host range [" + hostOffset + ", " + (hostOffset + bytes)
                    + ") outside the " + host.capacity() + " bytes given");
        }
    }

    /** Returns the argument pointing {@code offset} bytes into this buffer. */
    default Slice at(long offset) {
        return new Slice(this, offset);
    }

    /** Releases the device memory and the staging area; the buffer may be used again, allocating anew. */
    @Override
    void close();
}
