package io.gpulab.cli.auto;

/**
 * The measured cost model of one task on one backend and device: a run of {@code u} cost units moving {@code b}
 * bytes takes {@code runSeconds + u * secondsPerUnit + b / bytesPerSecond}, after a one-off {@code openSeconds}
 * (a worker pool's start, a device context) and a {@code prepareSeconds} per batch (kernels, buffers).
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
 */
public record Cost(String backend, String device, String task, double openSeconds, double prepareSeconds,
        double runSeconds, double secondsPerUnit, double bytesPerSecond, boolean javaCode) {

    /** Checks that every figure is finite and not negative. */
    public Cost {
        for (double d : new double[] {openSeconds, prepareSeconds, runSeconds, secondsPerUnit, bytesPerSecond}) {
            if (!Double.isFinite(d) || d < 0) {
                throw new IllegalArgumentException("cost of " + task + " on " + backend
                        + " has a negative or non-finite figure");
            }
        }
    }

    /** Returns the predicted seconds of one run of one batch of this workload. */
    public double runTime(Workload w) {
        double units = w.units() / w.batches();
        double bytes = w.bytes() / w.batches();
        double link = bytesPerSecond > 0 ? bytes / bytesPerSecond : 0;
        return runSeconds + units * secondsPerUnit + link;
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
