package io.gpulab.bench.report;

import io.gpulab.bench.run.Skip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the report as Markdown, with the charts as PNG files in a folder beside it, linked relatively. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** Writes the Markdown file and its {@code <name>-charts} folder of PNG images. */
    public static void write(Report report, Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        String base = abs.getFileName().toString().replaceFirst("\\.md$", "");
        Path charts = abs.resolveSibling(base + "-charts");
        Files.createDirectories(charts);
        StringBuilder m = new StringBuilder("# gpulab benchmark report\n\n");
        m.append("Times are JMH averages per run, end to end (transfers included), with JMH's 99.9% confidence ")
                .append("half-width; phase times are what each device backend measured itself.\n\n## Machines\n\n")
                .append("| Machine | CPU | Cores | Memory | OS | JVM | Backends and devices | gpulab | Date |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (Machine x : report.machines()) {
            m.append("| **").append(cell(x.label())).append("** | ").append(cell(x.cpu())).append(" | ")
                    .append(cell(x.cores())).append(" | ").append(cell(x.memory())).append(" | ")
                    .append(cell(x.os())).append(" | ").append(cell(x.jvm())).append(" | ")
                    .append(cell(String.join("<br>", x.devices()))).append(" | ").append(cell(x.gpulab()))
                    .append(" | ").append(cell(x.date())).append(" |\n");
        }
        for (TaskReport t : report.tasks()) {
            m.append("\n## ").append(t.task()).append("\n\n");
            if (!t.rows().isEmpty()) {
                m.append("| Size | Backend | Machine | Time per run | Throughput | Speedup vs seq | Phases per run |")
                        .append(" Setup | n |\n|---|---|---|--:|--:|--:|---|--:|--:|\n");
                for (Row r : t.rows()) {
                    m.append("| ").append(String.join(" | ", cell(r.size()), cell(r.backend()), cell(r.machine()),
                            cell(r.time()), cell(r.throughput()), cell(r.speedup()), cell(r.phases()),
                            cell(r.compile()), Integer.toString(r.samples()))).append(" |\n");
                }
            }
            if (!t.skipped().isEmpty()) {
                m.append("\nNot measured:\n\n");
                for (Skip s : t.skipped()) {
                    m.append("- ").append(s.backend()).append("*".equals(s.size()) ? "" : " (" + s.size() + ")")
                            .append(": ").append(s.reason()).append('\n');
                }
            }
            for (Chart c : t.charts()) {
                Files.write(charts.resolve(c.name() + ".png"), c.png());
                m.append("\n![").append(c.title()).append("](").append(base).append("-charts/").append(c.name())
                        .append(".png)\n");
            }
        }
        Files.writeString(abs, m.toString());
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
