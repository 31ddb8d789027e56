package io.gpulab.cli.lab;

import java.util.List;

/**
 * Holds what one experiment measured and concluded, ready for any sheet format.
 *
 * @param id the experiment id
 * @param title the experiment's title
 * @param question the course's question the experiment answers
 * @param setup what was run, with the sizes used
 * @param steps the steps, the baseline first
 * @param tables detail tables
 * @param charts chart descriptions
 * @param lesson the conclusion drawn from these measurements
 */
public record LabResult(String id, String title, String question, String setup, List<Step> steps,
        List<LabTable> tables, List<ChartSpec> charts, String lesson) {

    /** Creates the result with immutable lists. */
    public LabResult {
        steps = List.copyOf(steps);
        tables = List.copyOf(tables);
        charts = List.copyOf(charts);
    }

    /** Returns true when no step's verification failed. */
    public boolean ok() {
        return steps.stream().allMatch(Step::ok);
    }
}
