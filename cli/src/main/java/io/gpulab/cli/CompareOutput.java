package io.gpulab.cli;

import io.gpulab.cli.auto.Auto;
import io.gpulab.cli.auto.Choice;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints the rows of {@code gpulab compare} as an aligned table, JSON, CSV or Markdown. */
final class CompareOutput {

    private static final List<String> HEADERS = List.of("TASK", "BACKEND", "DEVICE", "MEDIAN", "MIN", "THROUGHPUT",
            "SPEEDUP", "VERIFIED");

    private final CompareCommand command;

    /** Creates the printer for the settings of this command. */
    CompareOutput(CompareCommand command) {
        this.command = command;
    }

    /** Prints the rows in the command's format. */
    void print(PrintWriter out, List<CompareRow> rows) {
        switch (command.format()) {
            case json -> out.println(Json.write(json(rows)));
            case csv -> out.print(csv(rows));
            case md -> printHuman(out, rows, true);
            default -> printHuman(out, rows, false);
        }
    }

    private void printHuman(PrintWriter out, List<CompareRow> rows, boolean markdown) {
        TextTable t = new TextTable(HEADERS, 3, 4, 5, 6);
        List<String> notRun = new ArrayList<>();
        for (CompareRow r : rows) {
            if (r.measured()) {
                t.add(List.of(r.task(), r.backend(), r.device(), Units.seconds(r.medianSeconds()),
                        Units.seconds(r.minSeconds()), Units.rate(r.throughput(), r.unit()), speedup(r.speedup()),
                        verified(r)));
            } else {
                // an unavailable backend is unavailable for every task: say so once
                String what = r.status().equals("unavailable") ? r.backend() : r.task() + " on " + r.backend();
                String line = what + ": " + r.status() + ": " + r.reason();
                line = markdown ? "- " + line.replace("|", "\\|") : "  " + line;
                if (!notRun.contains(line)) {
                    notRun.add(line);
                }
            }
        }
        out.println("gpulab compare: " + command.settings());
        out.println();
        out.print(markdown ? t.markdown() : t.text());
        List<String> mismatches = rows.stream().filter(r -> r.status().equals("mismatch"))
                .map(r -> (markdown ? "- " : "  ") + r.task() + " on " + r.backend() + " differs from seq: "
                        + r.reason()).toList();
        if (!mismatches.isEmpty()) {
            out.println();
            out.println("Differences from seq:");
            mismatches.forEach(out::println);
        }
        if (!notRun.isEmpty()) {
            out.println();
            out.println("Not run:");
            notRun.forEach(out::println);
        }
        List<String> auto = autoLines(rows, markdown ? "- " : "  ");
        if (!auto.isEmpty()) {
            out.println();
            out.println("Auto (its row against the fastest other row; predictions on stderr and in --format json):");
            auto.forEach(out::println);
        }
    }

    /** Returns, per task with an auto row, what auto chose and how its row compares with the fastest other row. */
    private List<String> autoLines(List<CompareRow> rows, String prefix) {
        List<String> lines = new ArrayList<>();
        for (Choice c : command.autoChoices()) {
            String task = c.workload().task();
            CompareRow auto = rows.stream().filter(r -> r.task().equals(task) && r.backend().equals(Auto.ID))
                    .findFirst().orElse(null);
            CompareRow best = rows.stream().filter(r -> r.task().equals(task) && !r.backend().equals(Auto.ID)
                    && r.measured()).min((a, b) -> Double.compare(a.medianSeconds(), b.medianSeconds())).orElse(null);
            CompareRow own = rows.stream().filter(r -> r.task().equals(task) && r.backend().equals(c.chosen())
                    && r.measured()).findFirst().orElse(null);
            StringBuilder sb = new StringBuilder(prefix).append(task).append(": chose ").append(c.chosen());
            if (own != null) {
                sb.append(" (its own row ").append(Units.seconds(own.medianSeconds())).append(')');
            }
            if (auto != null && auto.measured()) {
                sb.append(", auto row ").append(Units.seconds(auto.medianSeconds()));
                if (best != null) {
                    sb.append("; fastest other row ").append(best.backend()).append(' ')
                            .append(Units.seconds(best.medianSeconds())).append(String.format(Locale.ROOT,
                            " (auto at %.2fx its time)", auto.medianSeconds() / best.medianSeconds()));
                }
            } else if (auto != null) {
                sb.append(", which ").append(auto.status()).append(": ").append(auto.reason());
            }
            lines.add(sb.toString());
        }
        return lines;
    }

    private static String speedup(double s) {
        return Double.isFinite(s) ? String.format(Locale.ROOT, "%.2fx", s) : "-";
    }

    private static String verified(CompareRow r) {
        if (r.backend().equals("seq")) {
            return "reference";
        }
        return r.verified() == null ? "-" : r.verified() ? "yes" : "NO";
    }

    private Map<String, Object> json(List<CompareRow> rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("size", command.size().name().toLowerCase(Locale.ROOT));
        m.put("warmup", command.warmup());
        m.put("repeat", command.repeat());
        m.put("seed", command.seed());
        List<Map<String, Object>> list = new ArrayList<>();
        for (CompareRow r : rows) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("task", r.task());
            o.put("backend", r.backend());
            o.put("status", r.status());
            o.put("device", r.device());
            o.put("medianSeconds", r.medianSeconds());
            o.put("minSeconds", r.minSeconds());
            o.put("workUnits", r.workUnits());
            o.put("unit", r.unit());
            o.put("throughput", r.throughput());
            o.put("speedup", r.speedup());
            o.put("verified", r.verified());
            o.put("reason", r.reason());
            list.add(o);
        }
        m.put("rows", list);
        if (!command.autoChoices().isEmpty()) {
            m.put("auto", command.autoChoices().stream().map(Choice::toJson).toList());
        }
        return m;
    }

    private static String csv(List<CompareRow> rows) {
        TextTable t = new TextTable(List.of("task", "backend", "status", "device", "median_s", "min_s",
                "work_units", "unit", "throughput_per_s", "speedup", "verified", "reason"));
        for (CompareRow r : rows) {
            t.add(List.of(r.task(), r.backend(), r.status(), nz(r.device()), num(r.medianSeconds()),
                    num(r.minSeconds()), Long.toString(r.workUnits()), r.unit(), num(r.throughput()),
                    num(r.speedup()), r.verified() == null ? "" : r.verified().toString(), nz(r.reason())));
        }
        return t.csv();
    }

    private static String num(double d) {
        return Double.isFinite(d) ? Double.toString(d) : "";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
