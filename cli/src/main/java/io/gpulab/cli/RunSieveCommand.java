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
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs {@code gpulab run sieve}: counts, and optionally lists, the primes of an inclusive range. */
@Command(name = "sieve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Counts the primes p with FROM <= p <= TO (both inclusive, as primesieve counts); "
                + "--list also writes them, one per line.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.L0, ExitCode.L2, ExitCode.L3, ExitCode.L4, ExitCode.L5, ExitCode.L6})
final class RunSieveCommand extends RunBase {

    @Option(names = "--from", paramLabel = "A", defaultValue = "0", converter = Numbers.LongConverter.class,
            description = "First number of the range (default: 0). Numbers: 1000000, 1_000_000, 1e6, 10^6, 2^32-1.")
    long from;

    @Option(names = "--to", paramLabel = "B", required = true, converter = Numbers.LongConverter.class,
            description = "Last number of the range, at most 10^18; FROM > TO is the empty range.")
    long to;

    @Option(names = "--list", paramLabel = "FILE",
            description = "Also write the primes, ascending, one per line, to FILE ('-' for stdout). "
                    + "The listing run is the timed run, so --repeat and --warmup must stay at 1 and 0.")
    String list;

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
    int run(Batches batches) throws IOException {
        SieveInput countOnly = SieveInput.count(from, to);
        SieveOutput output;
        long listed = -1;
        if (list == null) {
            output = batches.run(Tasks.SIEVE, countOnly);
        } else {
            try (Writer w = openList()) {
                long[] n = new long[1];
                PrimeSink sink = p -> {
                    try {
                        w.write(Long.toString(p));
                        w.write('\n');
                        n[0]++;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                };
                // validate() holds --repeat at 1 and --warmup at 0 here: the listing run is the one timed run
                output = batches.run(Tasks.SIEVE, new SieveInput(from, to, sink), countOnly);
                listed = n[0];
            }
        }
        long count = output.count();
        if (listed >= 0 && listed != count) {
            throw new BackendException("backend " + batches.backend().id() + " listed " + listed
                    + " primes but counted " + count);
        }
        if (!options.json) {
            // with the primes on stdout, the count would be lost among them
            ("-".equals(list) ? err() : out()).println(count);
        }
        return finish(batches, Tasks.SIEVE, Tasks.SIEVE.workUnits(countOnly), Map.of("count", count), false);
    }

    private Writer openList() throws IOException {
        if ("-".equals(list)) {
            return new BufferedWriter(out(), 1 << 16) {
                @Override
                public void close() throws IOException {
                    flush(); // leave stdout open for the rest of the command
                }
            };
        }
        return Files.newBufferedWriter(Path.of(list), StandardCharsets.US_ASCII);
    }
}
