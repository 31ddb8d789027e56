package io.gpulab.cli;

import io.gpulab.api.BackendException;
import io.gpulab.cli.auto.Workload;
import io.gpulab.tasks.PrimeSink;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveOutput;
import io.gpulab.tasks.SieveTask;
import io.gpulab.tasks.Tasks;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Runs {@code gpulab run sieve}: counts, and optionally lists, the primes of an inclusive range. */
@Command(name = "sieve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Counts the primes p with FROM <= p <= TO (both inclusive, as primesieve counts); "
                + "--list also writes them, one per line.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.L0, ExitCode.L2, ExitCode.L3, ExitCode.L4, ExitCode.L5, ExitCode.L6})
final class RunSieveCommand extends RunBase {

    @Option(names = "--from", paramLabel = "A", defaultValue = "0", converter = RangeEndConverter.class,
            description = "First number of the range (default: 0). Numbers: 1000000, 1_000_000, 1e6, 10^6, 2^32-1.")
    long from;

    @Option(names = "--to", paramLabel = "B", required = true, converter = RangeEndConverter.class,
            description = "Last number of the range, at most 10^18; FROM > TO is the empty range.")
    long to;

    @Option(names = "--list", paramLabel = "FILE",
            description = "Also write the primes, ascending, one per line, to FILE ('-' for stdout). "
                    + "The listing run is the timed run, so --repeat and --warmup must stay at 1 and 0.")
    String list;

    /** Converts an end of the range, naming the range the sieve supports, 0..10^18, when a value is out of it. */
    static final class RangeEndConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                // negative values and those up to 2^63 - 1 are left to validate(), which names the option
                return Numbers.parse(value, Long.MIN_VALUE, Long.MAX_VALUE, "0..10^18");
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    boolean streamsToStdout() {
        return "-".equals(list);
    }

    @Override
    void validate() {
        if (from < 0) {
            throw CliException.usage("--from must be 0 or more: " + from);
        }
        if (to < 0) {
            // a negative end is a typo, not the empty range that FROM > TO means
            throw CliException.usage("--to must be 0 or more: " + to);
        }
        if (to > SieveTask.MAX_TO) {
            throw CliException.usage("--to " + to + " is above the supported maximum 10^18");
        }
        if (list != null && (options.repeat != 1 || options.warmup != 0)) {
            throw CliException.usage("--list runs the sieve once: drop --repeat and --warmup");
        }
        if ("-".equals(list) && options.json) {
            throw CliException.usage("--json and --list - would both write to stdout; list to a file instead");
        }
    }

    @Override
    Workload workload() {
        return Workload.sieve(from, to);
    }

    @Override
    int run(Batches batches) {
        SieveInput countOnly = SieveInput.count(from, to);
        SieveOutput output = null;
        long listed = -1;
        if (list == null) {
            output = batches.run(Tasks.SIEVE, countOnly);
        } else {
            ListWriter w;
            try {
                w = new ListWriter(openList());
            } catch (IOException e) {
                throw writeError(e);
            }
            try {
                // validate() holds --repeat at 1 and --warmup at 0 here: the listing run is the one timed run
                output = batches.run(Tasks.SIEVE, new SieveInput(from, to, w), countOnly);
                w.close();
            } catch (RuntimeException e) {
                w.abandon();
                if (w.failure == null) {
                    throw e;
                }
            }
            if (w.failure != null) {
                if ("-".equals(list)) {
                    return ExitCode.OTHER; // Main names the failed write to stdout
                }
                throw writeError(w.failure);
            }
            listed = w.count;
        }
        long count = output.count();
        if (listed >= 0 && listed != count) {
            throw new BackendException("backend " + batches.backend().id() + " listed " + listed
                    + " primes but counted " + count);
        }
        batches.progress().close(); // the run is over: the line gives way to the result
        if (!options.json) {
            // with the primes on stdout, the count would be lost among them
            ("-".equals(list) ? err() : out()).println(count);
        }
        return finish(batches, Tasks.SIEVE, Tasks.SIEVE.workUnits(countOnly), Map.of("count", count), false);
    }

    private CliException writeError(IOException e) {
        return new CliException(ExitCode.OTHER, "write error on " + list + ": " + InputFiles.describe(e), e);
    }

    private Writer openList() throws IOException {
        if (!"-".equals(list)) {
            return Files.newBufferedWriter(Path.of(list), StandardCharsets.US_ASCII);
        }
        PrintWriter out = out();
        return new BufferedWriter(new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                out.write(cbuf, off, len);
                // a PrintWriter swallows the failure; stop listing at the first one
                if (out.checkError()) {
                    throw new IOException("No space left on device or closed pipe");
                }
            }

            @Override
            public void flush() throws IOException {
                if (out.checkError()) {
                    throw new IOException("No space left on device or closed pipe");
                }
            }

            @Override
            public void close() throws IOException {
                flush(); // leave stdout open for the rest of the command
            }
        }, 1 << 16);
    }

    /**
     * Writes the listed primes to {@code --list}, keeping the first write failure and stopping the sieve with it, so
     * that a full disk or a closed pipe ends the run at once with "write error" instead of being ignored.
     */
    private static final class ListWriter implements PrimeSink {
        private final Writer writer;
        private volatile IOException failure;
        private long count;

        ListWriter(Writer writer) {
            this.writer = writer;
        }

        @Override
        public void accept(long p) {
            try {
                writer.write(Long.toString(p));
                writer.write('\n');
                count++;
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
                throw new UncheckedIOException(e);
            }
        }

        /** Flushes and closes the listing. */
        void close() {
            try {
                writer.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }

        /** Closes the listing after a failure, keeping the first failure. */
        void abandon() {
            try {
                writer.close();
            } catch (IOException e) {
                // the failure that stopped the sieve is the one reported
            }
        }
    }
}
