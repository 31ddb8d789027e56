package io.gpulab.spark;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.Backends;
import io.gpulab.api.spi.SelfTest;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.resource.ResourceInformation;

/**
 * Runs one shard on an executor: opens the inner backend (once per executor JVM, device and thread count), on the
 * GPU address Spark assigned to the task when GPUs are scheduled, runs the shard and reports where and when it ran.
 *
 * <p>A shard that throws is a deterministic failure (the same input fails again), so its error goes back as the
 * shard's result and Spark does not retry it; a lost executor, in contrast, fails the Spark task, which Spark runs
 * again elsewhere up to {@code spark.task.maxFailures} times.
 */
final class ShardRunner implements Function<SparkShard, ShardResult> {

    private static final long serialVersionUID = 1L;

    /** Inner backends of this executor JVM, by inner id, device and threads; closed when the JVM exits. */
    private static final Map<String, Backend> INNER = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> INNER.values().forEach(ShardRunner::closeQuietly)));
    }

    private final String inner;
    private final int gpusPerTask;

    /** Creates a runner of shards on the inner backend {@code inner}, each shard alone in its partition. */
    ShardRunner(String inner, int gpusPerTask) {
        this.inner = inner;
        this.gpusPerTask = gpusPerTask;
    }

    @Override
    public ShardResult call(SparkShard shard) {
        TaskContext tc = TaskContext.get();
        String gpu = null;
        int threads = 1;
        if (tc != null) {
            threads = Math.max(1, tc.cpus());
            ResourceInformation r = tc.resources().get("gpu").getOrElse(() -> null);
            if (r != null && r.addresses().length > 0) {
                gpu = String.join(",", r.addresses());
            }
        }
        String executor = SparkEnv.get() == null ? "driver" : SparkEnv.get().executorId();
        String host = SparkEnv.get() == null ? "localhost" : SparkEnv.get().blockManager().blockManagerId().host();
        String device = deviceFor(gpu);
        long start = micros();
        int i = tc == null ? -1 : tc.partitionId();
        int attempt = tc == null ? 0 : tc.attemptNumber();
        try {
            Backend b = open(device, threads);
            Serializable v = shard.run(b);
            String unused = gpu != null && device == null ? " (gpu " + gpu + " assigned, unused)" : "";
            return new ShardResult(i, host, executor, attempt, inner + ": " + b.device() + unused, start, micros(), v,
                    null);
        } catch (RuntimeException e) {
            String where = inner + (device == null ? "" : " " + device);
            return new ShardResult(i, host, executor, attempt, where, start, micros(), null, SelfTest.oneLine(e));
        }
    }

    /** Returns the inner device for a GPU address: {@code cuda:N}, {@code opencl:0:N}; null for CPU backends. */
    private String deviceFor(String gpu) {
        if (gpu == null || gpusPerTask == 0) {
            return null;
        }
        String first = gpu.split(",")[0];
        return switch (inner) {
            case "cuda" -> "cuda:" + first;
            case "opencl" -> "opencl:0:" + first;
            default -> null;
        };
    }

    private Backend open(String device, int threads) {
        return INNER.computeIfAbsent(inner + "|" + device + "|" + threads, k -> Backends.open(inner,
                new BackendOptions(device, threads, threads, Duration.ofMinutes(10), Map.of())));
    }

    private static long micros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    private static void closeQuietly(Backend b) {
        try {
            b.close();
        } catch (RuntimeException e) {
            // the executor is exiting; nothing is left to report to
        }
    }
}
