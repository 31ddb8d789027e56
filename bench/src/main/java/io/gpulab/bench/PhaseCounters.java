package io.gpulab.bench;

import io.gpulab.api.Phase;
import java.util.Map;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Carries the phase times a kernel reports about its own runs into JMH's results as secondary metrics.
 *
 * <p>This is the "kernel alone" variant of every benchmark: JMH times the whole {@code run} (transfers included),
 * while a device backend measures each phase itself (device events or host timers around each step, as its
 * Javadoc says). The counters are of type {@link AuxCounters.Type#EVENTS}, so JMH stores their per-iteration
 * sums unchanged; the report divides each phase sum by {@link #phasedRuns} of the same iteration to get the mean
 * phase time per run with its spread over iterations.
 *
 * <p>The counters are zero for backends without phases ({@code seq}, {@code forkjoin}), and JMH's own console
 * summary lists them anyway as rows of {@code ≈ 0}: a benchmark method's state arguments are fixed at compile time,
 * so they cannot depend on the {@code backend} parameter, and a second method without counters would run every
 * combination twice. The report leaves them out instead: {@code ResultsLoader} keeps a phase only where runs
 * reported it, and shows no compile time where it is zero.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class PhaseCounters {

    /** Nanoseconds spent uploading inputs to the device, summed over the iteration's runs. */
    public long uploadNanos;
    /** Nanoseconds spent in device kernels, summed over the iteration's runs. */
    public long kernelNanos;
    /** Nanoseconds spent downloading outputs from the device, summed over the iteration's runs. */
    public long downloadNanos;
    /** Nanoseconds of any other reported phase, summed over the iteration's runs. */
    public long otherNanos;
    /** Runs in this iteration that reported phase times. */
    public long phasedRuns;
    /**
     * Nanoseconds of the one-off setup phases of trial setup ({@link Phase#setup()}: compile, module load, context,
     * pool start), repeated each iteration (not summed); the name stays {@code compile} for existing results.
     */
    public long compileNanos;

    /** Zeroes the counters at the start of each iteration, since JMH reads them once per iteration. */
    @Setup(Level.Iteration)
    public void reset() {
        uploadNanos = 0;
        kernelNanos = 0;
        downloadNanos = 0;
        otherNanos = 0;
        phasedRuns = 0;
        compileNanos = 0;
    }

    /** Adds the phases of one run (seconds by phase) and records the trial's setup time. */
    void add(Map<Phase, Double> phases, long compile) {
        compileNanos = compile;
        if (phases.isEmpty()) {
            return;
        }
        phasedRuns++;
        for (Map.Entry<Phase, Double> e : phases.entrySet()) {
            long nanos = Math.round(e.getValue() * 1e9);
            switch (e.getKey().column()) {
                case UPLOAD -> uploadNanos += nanos;
                case KERNEL -> kernelNanos += nanos;
                case DOWNLOAD -> downloadNanos += nanos;
                case SETUP -> otherNanos += nanos; // a setup phase a kernel paid inside a run
            }
        }
    }
}
