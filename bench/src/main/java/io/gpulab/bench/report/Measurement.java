package io.gpulab.bench.report;

import java.util.Map;

/**
 * Holds one measured benchmark combination of one machine, read from JMH's JSON.
 *
 * @param machine the machine label
 * @param task the task id
 * @param backend the backend (or device) parameter
 * @param size the size name
 * @param msPerOp JMH's score: mean milliseconds per run, end to end
 * @param errorMs JMH's score error (half-width of the 99.9% confidence interval), NaN when too few samples
 * @param ciLowMs the lower end of JMH's confidence interval, NaN when unknown
 * @param ciHighMs the upper end of JMH's confidence interval, NaN when unknown
 * @param samples the number of measurement iterations over all forks
 * @param workUnits the work units of one run (pixels, hashes, numbers), 0 when the size is unknown here
 * @param phasesMs the mean milliseconds per run of each phase the backend reported (upload, kernel, download,
 *     other), empty when it reported none
 * @param compileMs the one-off setup phases of trial setup (compile, module load, context, pool start) in
 *     milliseconds, 0 when none
 */
public record Measurement(String machine, String task, String backend, String size, double msPerOp,
        double errorMs, double ciLowMs, double ciHighMs, int samples, long workUnits, Map<String, Double> phasesMs,
        double compileMs) {

    /** Creates a measurement with an immutable copy of the phases, in their order. */
    public Measurement {
        phasesMs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phasesMs));
    }

    /** Returns the throughput in work units per second, NaN when the work units are unknown. */
    public double throughput() {
        return workUnits > 0 ? workUnits / (msPerOp / 1e3) : Double.NaN;
    }

    /**
     * Returns half the width of the throughput interval that JMH's time interval maps to, NaN when unknown; the
     * interval is asymmetric after inversion, so this is the symmetric bar a chart can draw.
     */
    public double throughputError() {
        if (workUnits <= 0 || !(ciLowMs > 0) || !(ciHighMs > 0)) {
            return Double.NaN;
        }
        return (workUnits / (ciLowMs / 1e3) - workUnits / (ciHighMs / 1e3)) / 2;
    }
}
