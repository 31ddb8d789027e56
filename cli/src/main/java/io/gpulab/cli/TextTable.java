package io.gpulab.cli;

import java.util.ArrayList;
import java.util.List;

/** Renders rows of strings as an aligned text table, a Markdown table or CSV (RFC 4180). */
final class TextTable {

    private final List<String> headers;
    private final boolean[] rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    /** Creates a table with these column headers; the named columns are right-aligned (numbers). */
    TextTable(List<String> headers, int... rightColumns) {
        this.headers = List.copyOf(headers);
        this.rightAligned = new boolean[headers.size()];
        for (int c : rightColumns) {
            rightAligned[c] = true;
        }
    }

    /** Adds a row, one cell per column; null cells print empty. */
    void add(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, table " + headers.size());
        }
        rows.add(cells.stream().map(c -> c == null ? "" : c).toList());
    }

    /** Returns the table with columns padded to their widest cell and separated by two spaces. */
    String text() {
        int[] width = new int[headers.size()];
        for (List<String> r : allRows()) {
            for (int c = 0; c < width.length; c++) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> r : allRows()) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < width.length; c++) {
                String cell = r.get(c);
                String pad = " ".repeat(width[c] - cell.length());
                line.append(rightAligned[c] ? pad + cell : cell + pad);
                if (c < width.length - 1) {
                    line.append("  ");
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** Returns the table in GitHub Markdown, pipes in cells escaped. */
    String markdown() {
        StringBuilder sb = new StringBuilder();
        mdRow(sb, headers);
        sb.append('|');
        for (boolean right : rightAligned) {
            sb.append(right ? "---:|" : "---|");
        }
        sb.append('\n');
        rows.forEach(r -> mdRow(sb, r));
        return sb.toString();
    }

    /** Returns the table as CSV with a header row, quoting cells that hold commas, quotes or line breaks. */
    String csv() {
        StringBuilder sb = new StringBuilder();
        for (List<String> r : allRows()) {
            for (int c = 0; c < r.size(); c++) {
                String cell = r.get(c);
                if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                    cell = '"' + cell.replace("\"", "\"\"") + '"';
                }
                sb.append(c > 0 ? "," : "").append(cell);
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    private static void mdRow(StringBuilder sb, List<String> cells) {
        sb.append('|');
        for (String c : cells) {
            sb.append(' ').append(c.replace("|", "\\|").replace("\n", " ")).append(" |");
        }
        sb.append('\n');
    }

    private List<List<String>> allRows() {
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        return all;
    }
}
