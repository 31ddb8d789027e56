package io.gpulab.cli.auto;

import io.gpulab.api.SerialItems;

/**
 * The measured cost model of one task on one backend and device: a run of {@code u} cost units moving {@code b}
 * bytes takes {@code runSeconds + u * secondsPerUnit + b / bytesPerSecond}, after a one-off {@code openSeconds}
 * (a worker pool's start, a device context) and a {@code prepareSeconds} per batch (kernels, buffers). On a backend
 * that hashes each file on one thread ({@code serialItems}), a batch of files whose sizes are known is predicted as
 * the run routes it ({@link HostRouting}): the files taken to the host at its rate, one after the other, and the rest
 * as above but no faster than the largest remaining file's one thread.
 *
 * @param backend the backend id
 * @param device the device the backend ran on
 * @param task the task id
 * @param openSeconds seconds to open the backend, paid once per command
 * @param prepareSeconds seconds to prepare the task's kernel, paid once per batch
 * @param runSeconds fixed seconds of every run (launches, round trips, thread wake-ups)
 * @param secondsPerUnit seconds per cost unit, the link's transfers left out where they are counted apart
 * @param bytesPerSecond the link's bandwidth for device backends; 0 where transfers are in {@code secondsPerUnit}
 * @param javaCode true where the task runs as Java code, which pays the JIT's {@link Warmup} in a fresh JVM
 * @param serialItems how the backend runs one item of a batch ({@link io.gpulab.api.Backend#serialItems}), or null
 *     where it has no such model
 */
public record Cost(String backend, String device, String task, double openSeconds, double prepareSeconds,
        double runSeconds, double secondsPerUnit, double bytesPerSecond, boolean javaCode, SerialItems serialItems) {

    /** Creates the cost model of a backend without a serial-item model. */
    public Cost(String backend, String device, String task, double openSeconds, double prepareSeconds,
            double runSeconds, double secondsPerUnit, double bytesPerSecond, boolean javaCode) {
        this(backend, device, task, openSeconds, prepareSeconds, runSeconds, secondsPerUnit, bytesPerSecond, javaCode,
                null);
    }

    /** Checks that every figure is finite and not negative. */
    public Cost {
        for (double d : new double[] {openSeconds, prepareSeconds, runSeconds, secondsPerUnit, bytesPerSecond}) {
            if (!Double.isFinite(d) || d < 0) {
                throw new IllegalArgumentException("cost of " + task + " on " + backend
                        + " has a negative or non-finite figure");
            }
        }
    }

    /** Returns the predicted seconds of one run of one batch of this workload, the mean of its batches. */
    public double runTime(Workload w) {
        if (serialItems != null && w.fileBatches() != null) {
            double sum = 0;
            for (long[] batch : w.fileBatches()) {
                sum += batchTime(batch);
            }
            return sum / w.batches();
        }
        double units = w.units() / w.batches();
        double bytes = w.bytes() / w.batches();
        double link = bytesPerSecond > 0 ? bytes / bytesPerSecond : 0;
        return runSeconds + units * secondsPerUnit + link;
    }

    /**
     * Returns the files and bytes of this workload that a run on this backend routes to the host, {0, 0} where the
     * backend has no serial-item model or the workload no file sizes.
     */
    public long[] routed(Workload w) {
        long[] routed = new long[2];
        if (serialItems != null && w.fileBatches() != null) {
            for (long[] batch : w.fileBatches()) {
                boolean[] host = HostRouting.toHost(serialItems, batch);
                for (int i = 0; i < batch.length; i++) {
                    if (host[i]) {
                        routed[0]++;
                        routed[1] += batch[i];
                    }
                }
            }
        }
        return routed;
    }

    /**
     * Returns the seconds of one batch of files on a backend with a serial-item model: the routed files on the host,
     * the rest in one run, no faster than its largest file's one thread; no run where every file is routed.
     */
    private double batchTime(long[] sizes) {
        boolean[] host = HostRouting.toHost(serialItems, sizes);
        long files = 0;
        long bytes = 0;
        long largest = 0;
        long routed = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (host[i]) {
                routed += sizes[i];
            } else {
                files++;
                bytes += sizes[i];
                largest = Math.max(largest, sizes[i]);
            }
        }
        double seconds = routed / HostRouting.HOST_BYTES_PER_SECOND;
        if (files > 0) {
            Workload rest = Workload.sha256Files(files, bytes, 1);
            double link = bytesPerSecond > 0 ? rest.bytes() / bytesPerSecond : 0;
            seconds += runSeconds + link + Math.max(rest.units() * secondsPerUnit,
                    largest / serialItems.itemBytesPerSecond());
        }
        return seconds;
    }

    /** Returns the predicted seconds of setup paid by a command: the open once, a prepare per batch. */
    public double setupTime(Workload w) {
        return openSeconds + w.batches() * prepareSeconds;
    }

    /**
     * Returns the predicted seconds the plan minimizes: the whole command (setup, then every run of every batch, and
     * the JIT's warm-up where the task runs as Java code), or the median timed run with its share of the warm-up.
     *
     * @param warmup the task's JIT warm-up, or null when not measured
     */
    public double predict(Workload w, Plan plan, Warmup warmup) {
        Warmup jit = javaCode ? warmup : null;
        double units = w.units() / w.batches();
        if (plan.medianRun()) {
            return runTime(w) + (jit == null ? 0 : jit.excess(plan.medianIndex(), units));
        }
        double runs = (double) w.batches() * plan.runsPerBatch();
        int n = (int) Math.min(Integer.MAX_VALUE, runs);
        return setupTime(w) + runs * runTime(w) + (jit == null ? 0 : jit.total(n, units));
    }
}
