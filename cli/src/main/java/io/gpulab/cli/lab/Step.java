package io.gpulab.cli.lab;

import java.util.List;

/**
 * Holds one step of an experiment as the sheet shows it: what the course expects, what was measured now, why, and
 * the verdicts computed from the measurements.
 *
 * @param name the step's name, such as {@code 4 threads}
 * @param expected what the course (and a model of this machine) expects, in words
 * @param observed what was measured now, in words
 * @param why why the observation is what it is, in words chosen from the measurements
 * @param time the step's timed repeats, or null for a step that was not run
 * @param speedup the speedup of the medians against the step's baseline, NaN for the baseline itself
 * @param judgments the computed verdicts, one per expectation; empty for a baseline
 * @param verified how the step's results were checked, and whether they agreed ("4 hashes equal seq")
 * @param ok false when a check failed
 */
public record Step(String name, String expected, String observed, String why, Samples time, double speedup,
        List<Judgment> judgments, String verified, boolean ok) {

    /** Creates the step with an immutable list of judgments. */
    public Step {
        judgments = List.copyOf(judgments);
    }

    /** Returns a step whose backend failed while preparing or running, with the reason; it counts as failed. */
    public static Step failed(String name, String expected, String reason) {
        return new Step(name, expected, "failed: " + reason, "", null, Double.NaN, List.of(), "backend failed", false);
    }

    /** Returns true when the step's backend failed (rather than a result disagreeing). */
    public boolean backendFailed() {
        return time == null && !ok;
    }

    /** Returns a step that could not run here, with the reason; it counts as not verified but not failed. */
    public static Step notRun(String name, String expected, String reason) {
        return new Step(name, expected, "not run: " + reason, "", null, Double.NaN, List.of(), "not run", true);
    }
}
