package io.gpulab.api;

import java.time.Duration;
import java.util.Map;

/**
 * Carries the options a user may give a backend; each backend reads the ones it understands.
 *
 * @param device the device id ({@code opencl:0:0}, {@code cuda:0}) or null for the backend's default
 * @param threads threads for {@code forkjoin}; 0 means available processors
 * @param workers worker JVMs for {@code process}; 0 means available processors (within {@link Parallelism})
 * @param workerTimeout how long {@code process} waits for one shard before killing its worker
 * @param extra further backend-specific settings, by name
 */
public record BackendOptions(String device, int threads, int workers, Duration workerTimeout,
        Map<String, String> extra) {

    /** Creates options with an immutable copy of the extra settings. */
    public BackendOptions {
        extra = Map.copyOf(extra);
        if (workerTimeout == null) {
            workerTimeout = Duration.ofMinutes(10);
        }
    }

    /** Returns the defaults: default device, all processors, a ten-minute worker timeout. */
    public static BackendOptions defaults() {
        return new BackendOptions(null, 0, 0, Duration.ofMinutes(10), Map.of());
    }

    /** Returns a copy of these options with another device id. */
    public BackendOptions withDevice(String newDevice) {
        return new BackendOptions(newDevice, threads, workers, workerTimeout, extra);
    }

    /** Returns the thread count to use: {@code threads}, or the available processors when 0. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Returns the worker count to use: {@code workers}, or when 0 the available processors, never more than the
     * machine's memory allows ({@link Parallelism#maxWorkers}).
     */
    public int effectiveWorkers() {
        return workers > 0 ? workers : Math.min(Runtime.getRuntime().availableProcessors(), Parallelism.maxWorkers());
    }
}
