package io.gpulab.bench.report;

import io.gpulab.bench.run.Skip;
import java.util.List;

/**
 * Holds the part of the report about one task: its table, the combinations not measured and its charts.
 *
 * @param task the task id
 * @param unit the work unit, plural
 * @param rows the table rows, by size, backend and machine
 * @param skipped the combinations not measured, labelled with their machine in the backend field
 * @param charts the charts, in reading order
 */
public record TaskReport(String task, String unit, List<Row> rows, List<Skip> skipped, List<Chart> charts) {

    /** Creates the task report with immutable lists. */
    public TaskReport {
        rows = List.copyOf(rows);
        skipped = List.copyOf(skipped);
        charts = List.copyOf(charts);
    }
}
