package io.gpulab.cli.lab;

import java.util.List;

/**
 * Holds a table of an experiment's details (per request, per sub-range, per size).
 *
 * @param title the table's title
 * @param header the column names
 * @param rows the rows, each as long as the header
 */
public record LabTable(String title, List<String> header, List<List<String>> rows) {

    /** Creates the table after checking every row's width. */
    public LabTable {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("row " + r + " does not match header " + header);
            }
        }
    }
}
