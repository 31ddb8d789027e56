package io.gpulab.cli;

import io.gpulab.api.Backend;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import io.gpulab.tasks.Tasks;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs {@code gpulab run sha256}: hashes files like {@code sha256sum}, or a synthetic batch. */
@Command(name = "sha256", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Hashes files (one sha256sum line each) or a synthetic batch (one combined digest).",
            "Synthetic message i, byte j = byte (j mod 8) of the little-endian 64-bit value SEED + i; each digest is "
                    + "re-hashed ITERATIONS - 1 more times; the result is SHA-256 over the N final digests in order."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.L0, ExitCode.L1, ExitCode.L2, ExitCode.L3, ExitCode.L4, ExitCode.L5, ExitCode.L6})
final class RunSha256Command extends RunBase {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** Either files or a synthetic batch. */
    static final class Source {
        @Option(names = "--input", paramLabel = "PATH", arity = "1..*",
                description = "Files or folders (walked recursively, sorted by name) to hash.")
        List<String> inputs;

        @ArgGroup(exclusive = false)
        Synthetic synthetic;
    }

    /** The synthetic batch's parameters. */
    static final class Synthetic {
        @Option(names = "--count", paramLabel = "N", required = true, converter = Numbers.IntConverter.class,
                description = "Messages in the synthetic batch.")
        int count;

        @Option(names = "--length", paramLabel = "L", required = true, converter = Numbers.IntConverter.class,
                description = "Bytes per synthetic message.")
        int length;

        @Option(names = "--iterations", paramLabel = "K", defaultValue = "1", converter = Numbers.IntConverter.class,
                description = "Hashes per message (default: ${DEFAULT-VALUE}).")
        int iterations = 1;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "0", converter = Numbers.LongConverter.class,
                description = "Value of message 0 (default: ${DEFAULT-VALUE}).")
        long seed;
    }

    @Option(names = "--batch-bytes", paramLabel = "N", converter = Numbers.LongConverter.class,
            description = "Most file bytes held in memory at once (default: a quarter of the maximum heap); "
                    + "a larger file is streamed on the host CPU, with a note on stderr.")
    Long batchBytes;

    @Override
    void validate() {
        if (batchBytes != null && batchBytes < 1) {
            throw CliException.usage("--batch-bytes must be at least 1: " + batchBytes);
        }
        Synthetic s = source.synthetic;
        if (s != null && (s.count < 0 || s.length < 0 || s.iterations < 1)) {
            throw CliException.usage("--count and --length must be 0 or more and --iterations at least 1");
        }
    }

    @Override
    int run(Backend backend, Verifier verifier) {
        return source.inputs != null ? runFiles(backend, verifier) : runSynthetic(backend, verifier);
    }

    private int runSynthetic(Backend backend, Verifier verifier) {
        Synthetic s = source.synthetic;
        Sha256Input in = new Sha256Input.Synthetic(s.count, s.length, s.iterations, s.seed);
        Measured<Sha256Output> m = Measured.run(backend, Tasks.SHA256, in, options.warmup, options.repeat);
        Timings timings = new Timings(options.repeat);
        timings.add(m);
        verifier.check(Tasks.SHA256, in, m.output());
        String hex = m.output().combinedHex();
        if (!options.json) {
            out().println(hex);
        }
        RunReport report = new RunReport(Tasks.SHA256, backend, timings, Tasks.SHA256.workUnits(in),
                Map.of("digest", hex), verifier.verified());
        return finish(report, timings, verifier, false);
    }

    private int runFiles(Backend backend, Verifier verifier) {
        long budget = batchBytes != null ? batchBytes : InputFiles.defaultBudget();
        // one JSON object is the whole of stdout with --json, so the per-file lines give way to it
        PrintWriter lines = options.json ? new PrintWriter(Writer.nullWriter()) : out();
        Sha256Files files = new Sha256Files(backend, options, verifier, lines, err(), budget);
        Timings timings = files.run(source.inputs);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("files", files.hashed());
        result.put("failed", files.failed());
        result.put("streamed", files.streamed());
        result.put("bytes", files.bytes());
        RunReport report = new RunReport(Tasks.SHA256, backend, timings, files.hashedOnBackend(), result,
                verifier.verified());
        return finish(report, timings, verifier, files.failed() > 0);
    }
}
