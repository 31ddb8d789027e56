package io.gpulab.cli;

import io.gpulab.cli.auto.Workload;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Tasks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs {@code gpulab run sha256}: hashes files like {@code sha256sum}, or a synthetic batch. */
@Command(name = "sha256", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Hashes files (one sha256sum line each) or a synthetic batch (one line: fold HEX).",
            "Synthetic message i, byte j = byte (j mod 8) of the little-endian 64-bit value SEED + i; each digest is "
                    + "re-hashed ITERATIONS - 1 more times; the result is the fold of the N final digests, a checksum "
                    + "summed over the messages (see the README), not a cryptographic commitment.",
            "On a GPU backend, which hashes each file on one thread, a file of 1 MiB or more that would hold up its "
                    + "batch is routed to the host CPU instead, with a note on stderr (see the README)."},
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
        validateBatchBytes(batchBytes);
        Synthetic s = source.synthetic;
        if (s == null) {
            return;
        }
        if (s.count < 0) {
            throw CliException.usage("--count must be 0 or more: " + s.count);
        }
        if (s.length < 0) {
            throw CliException.usage("--length must be 0 or more: " + s.length);
        }
        long maxLength = maxLength();
        if (s.length > maxLength) {
            // each thread, worker or check holds one message: beyond this the JVM runs out of memory
            throw CliException.usage("--length " + s.length + " is above the longest message this JVM can hold, "
                    + maxLength + " bytes (a quarter of the heap, at most 2^31 - 9; raise -Xmx through JAVA_OPTS)");
        }
        if (s.iterations < 1) {
            throw CliException.usage("--iterations must be at least 1: " + s.iterations);
        }
    }

    /** Returns the longest synthetic message allowed: a quarter of the maximum heap, and one Java array at most. */
    static long maxLength() {
        return Math.min(Integer.MAX_VALUE - 8, Runtime.getRuntime().maxMemory() / 4);
    }

    @Override
    Workload workload() {
        Synthetic s = source.synthetic;
        if (s != null) {
            return Workload.sha256(s.count, s.length, s.iterations);
        }
        // the files the backend will hash, batch by batch as the run makes them (larger ones stream on the host)
        return Workload.sha256Files(Sha256Files.batchSizes(source.inputs, budget(batchBytes)));
    }

    @Override
    int run(Batches batches) {
        return source.inputs != null ? runFiles(batches) : runSynthetic(batches);
    }

    private int runSynthetic(Batches batches) {
        Synthetic s = source.synthetic;
        Sha256Input in = new Sha256Input.Synthetic(s.count, s.length, s.iterations, s.seed);
        String hex = batches.run(Tasks.SHA256, in).foldHex();
        batches.progress().close(); // the run is over: the line gives way to the result
        lines().println("fold " + hex);
        return finish(batches, Tasks.SHA256, Tasks.SHA256.workUnits(in), Map.of("fold", hex), false);
    }

    private int runFiles(Batches batches) {
        batches.progress().totalUnknown(); // the files are listed as they are read
        Sha256Files files = new Sha256Files(batches, lines(), err(), budget(batchBytes));
        files.run(source.inputs);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("files", files.hashed());
        result.put("failed", files.failed());
        result.put("streamed", files.streamed());
        result.put("routed", files.routed());
        result.put("bytes", files.bytes());
        return finish(batches, Tasks.SHA256, files.hashedOnBackend(), result, files.failed() > 0);
    }
}
