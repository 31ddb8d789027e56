package io.gpulab.cli;

import io.gpulab.api.BackendOptions;
import io.gpulab.api.InvalidOptionException;
import io.gpulab.api.Parallelism;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Holds the options every {@code gpulab run} task shares: backend, device, repeats, verification, output. */
public final class RunOptions {

    @Option(names = {"-b", "--backend"}, required = true, paramLabel = "ID",
            description = "Backend to run on: seq, forkjoin, process, opencl, cuda (see 'gpulab backends'). "
                    + "Never replaced by another one: an unavailable backend ends with exit code 3. auto: the one "
                    + "this machine's calibration predicts fastest for this input, named on stderr.")
    String backend;

    @Option(names = "--device", paramLabel = "ID",
            description = "Device id, such as opencl:0:0 or cuda:0 (default: the backend's first device).")
    String device;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1", converter = Numbers.IntConverter.class,
            description = "Timed runs; the reported time is their median (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "0", converter = Numbers.IntConverter.class,
            description = "Untimed runs before the timed ones (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--verify",
            description = "Also run seq on the same input and compare; a difference ends with exit code 4.")
    boolean verify;

    @Option(names = "--json", description = "Print one JSON object on stdout instead of the human-readable result.")
    boolean json;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0", converter = Numbers.IntConverter.class,
            description = "Threads for forkjoin (default: all processors; at most 64 per processor and 4096).")
    int threads;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "0", converter = Numbers.IntConverter.class,
            description = "Worker JVMs for process (default: all processors; at most 16 per processor and one per "
                    + "64 MiB of memory).")
    int workers;

    @Option(names = "--worker-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long a process worker may go without progress (its heartbeat) before it is killed as "
                    + "hung and its shard re-run: 500ms, 30s, 5m, 2h (default: 10m). A slow shard that makes "
                    + "progress is never killed.")
    Duration workerTimeout;

    @Option(names = {"-X", "--backend-option"}, paramLabel = "KEY=VALUE",
            description = "A backend-specific setting, repeatable, such as process.workerHeap=1g; an unknown key is "
                    + "a usage error that lists the backend's keys.")
    List<String> extra = new ArrayList<>();

    /** Checks the numeric options, throwing a usage error that names the option. */
    void validate() {
        if (repeat < 1) {
            throw CliException.usage("--repeat must be at least 1: " + repeat);
        }
        if (warmup < 0) {
            throw CliException.usage("--warmup must be 0 or more: " + warmup);
        }
        try {
            Parallelism.checkThreads(threads, "--threads");
            Parallelism.checkWorkers(workers, "--workers");
        } catch (InvalidOptionException e) {
            throw CliException.usage(e.getMessage());
        }
        extraOptions();
    }

    /** Returns the {@code -X} settings by key, checking that each is {@code KEY=VALUE} with a key and no repeat. */
    Map<String, String> extraOptions() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : extra) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw CliException.usage("-X takes KEY=VALUE, such as -X process.workerHeap=1g: '" + kv + "'");
            }
            String key = kv.substring(0, eq).strip();
            if (m.put(key, kv.substring(eq + 1)) != null) {
                throw CliException.usage("-X " + key + " given twice");
            }
        }
        return m;
    }

    /** Returns the backend options these command-line options describe. */
    BackendOptions backendOptions() {
        return new BackendOptions(device, threads, workers, workerTimeout, extraOptions());
    }
}
