package io.gpulab.bench.report;

import java.util.List;

/**
 * Holds the whole comparison report, ready to render as HTML or Markdown.
 *
 * @param machines the machines compared, in the order given
 * @param tasks one part per task that has results or skips
 */
public record Report(List<Machine> machines, List<TaskReport> tasks) {

    /** Creates the report with immutable lists. */
    public Report {
        machines = List.copyOf(machines);
        tasks = List.copyOf(tasks);
    }
}
