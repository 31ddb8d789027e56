package io.gpulab.cli.lab;

import io.gpulab.bench.report.Chart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the lab sheet as Markdown, with its charts as PNG files in a folder beside the file, linked relatively. */
final class MarkdownSheet {

    private MarkdownSheet() {
    }

    /** Renders the sheet and writes its charts into {@code <file>-charts/}. */
    static String render(LabMachine m, List<LabResult> results, Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        String base = abs.getFileName().toString().replaceFirst("\\.md$", "");
        Path charts = abs.resolveSibling(base + "-charts");
        Files.createDirectories(charts);
        StringBuilder s = new StringBuilder("# gpulab lab sheet\n\n");
        s.append("Each step shows what the course expects, what was measured on this machine, and why. Verdicts are ")
                .append("computed from the measurements: a speedup matches when every repeat falls in the expected ")
                .append("band, differs when none does, and is inconclusive when repeats disagree by more than ")
                .append(Format.percent(Verdicts.BUSY_SPREAD)).append(" (other users' work on a shared machine).\n\n")
                .append("## Machine\n\n| | |\n|---|---|\n")
                .append("| CPU | ").append(cell(m.cpu())).append(" |\n| Cores | ").append(m.cores())
                .append(" |\n| Memory | ").append(cell(m.memory())).append(" |\n| Load at start | ")
                .append(cell(m.load())).append(" |\n| OS | ").append(cell(m.os())).append(" |\n| JVM | ")
                .append(cell(m.jvm())).append(" |\n| Backends and devices | ")
                .append(cell(String.join("<br>", m.backends()))).append(" |\n| Date | ").append(m.date())
                .append(" |\n");
        for (LabResult r : results) {
            s.append("\n## ").append(r.id()).append(": ").append(r.title()).append("\n\n**").append(r.question())
                    .append("** ").append(r.setup()).append(".\n");
            for (Step x : r.steps()) {
                s.append("\n### ").append(x.name()).append("\n\n- expected: ").append(x.expected())
                        .append("\n- observed: ").append(x.observed()).append('\n');
                if (!x.why().isEmpty()) {
                    s.append("- why: ").append(x.why()).append('\n');
                }
                for (Judgment j : x.judgments()) {
                    s.append("- verdict: **").append(j.expectation().source()).append(": ")
                            .append(j.outcome().word()).append("** - ").append(j.reason()).append('\n');
                }
                s.append("- verified: ").append(x.verified()).append(x.ok() ? "" : " **(CHECK FAILED)**")
                        .append('\n');
            }
            for (LabTable t : r.tables()) {
                s.append("\n").append(t.title()).append(":\n\n| ").append(String.join(" | ", t.header()))
                        .append(" |\n|").append("---|".repeat(t.header().size())).append('\n');
                for (List<String> row : t.rows()) {
                    s.append("| ").append(String.join(" | ", row.stream().map(MarkdownSheet::cell).toList()))
                            .append(" |\n");
                }
            }
            for (ChartSpec c : r.charts()) {
                Chart png = SheetCharts.draw(c);
                Files.write(charts.resolve(c.name() + ".png"), png.png());
                s.append("\n![").append(c.title()).append("](").append(base).append("-charts/").append(c.name())
                        .append(".png)\n");
            }
            s.append("\n**Lesson.** ").append(r.lesson()).append('\n');
        }
        return s.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
