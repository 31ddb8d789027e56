package io.gpulab.cli.lab;

import io.gpulab.bench.report.Chart;
import io.gpulab.bench.report.Charts;
import java.util.Base64;
import java.util.List;

/**
 * Writes the lab sheet as one self-contained HTML page a teacher can hand out: inline CSS, charts as base64 PNG data
 * URIs, no script and no network resource.
 */
final class HtmlSheet {

    private static final String CSS = """
            body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1f2328;
            background:#f6f8fa;margin:0}
            main{max-width:1100px;margin:0 auto;padding:24px 32px 64px;background:#fff;box-shadow:0 0 0 1px #e5e8eb}
            h1{font-size:28px;margin:8px 0 4px}h2{font-size:22px;margin:40px 0 8px;padding-bottom:6px;
            border-bottom:2px solid #e5e8eb}h3{font-size:16px;margin:24px 0 8px;color:#424a53}
            p.note{color:#59636e;margin:4px 0 16px}p.lesson{background:#f0f6ff;border-left:4px solid #2f6db5;
            padding:8px 12px}
            table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:13.5px}
            th,td{text-align:left;padding:6px 10px;border-bottom:1px solid #e5e8eb;vertical-align:top}
            th{background:#f6f8fa;font-weight:600}
            .v{display:inline-block;border-radius:4px;padding:0 6px;font-weight:600;font-size:12.5px}
            .matches{background:#dafbe1;color:#116329}.differs{background:#ffebe9;color:#a40e26}
            .inconclusive{background:#fff8c5;color:#7d4e00}.fail{color:#a40e26;font-weight:600}
            figure{margin:16px 0;text-align:center}figure img{max-width:100%;height:auto;border:1px solid #eef0f2;
            border-radius:6px}
            """;

    private HtmlSheet() {
    }

    static String render(LabMachine m, List<LabResult> results) {
        StringBuilder h = new StringBuilder(1 << 20);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>gpulab lab sheet</title><style>").append(CSS).append("</style></head>\n")
                .append("<body><main>\n<h1>gpulab lab sheet</h1>\n<p class=\"note\">Each step shows what the ")
                .append("course expects, what was measured on this machine, and why. Verdicts are computed from the ")
                .append("measurements: a speedup matches when every repeat falls in the expected band, differs when ")
                .append("none does, and is inconclusive when repeats disagree by more than ")
                .append(Format.percent(Verdicts.BUSY_SPREAD)).append(" (other users' work on a shared machine).")
                .append("</p>\n");
        machine(h, m);
        for (LabResult r : results) {
            experiment(h, r);
        }
        return h.append("</main></body></html>\n").toString();
    }

    private static void machine(StringBuilder h, LabMachine m) {
        h.append("<h2 id=\"machine\">Machine</h2>\n<table><tbody>\n");
        row(h, "CPU", m.cpu());
        row(h, "Cores", Integer.toString(m.cores()));
        row(h, "Memory", m.memory());
        row(h, "Load at start", m.load());
        row(h, "OS", m.os());
        row(h, "JVM", m.jvm());
        row(h, "Backends and devices", String.join("\n", m.backends()));
        row(h, "Date", m.date());
        h.append("</tbody></table>\n");
    }

    private static void row(StringBuilder h, String k, String v) {
        h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v).replace("\n", "<br>"))
                .append("</td></tr>\n");
    }

    private static void experiment(StringBuilder h, LabResult r) {
        h.append("<h2 id=\"").append(esc(r.id())).append("\">").append(esc(r.id())).append(": ")
                .append(esc(r.title())).append("</h2>\n<p><b>").append(esc(r.question())).append("</b></p>\n")
                .append("<p class=\"note\">").append(esc(r.setup())).append("</p>\n");
        if (!r.steps().isEmpty()) {
            h.append("<table><thead><tr><th>Step</th><th>Expected</th><th>Observed</th><th>Verdict</th>")
                    .append("<th>Why</th><th>Verified</th></tr></thead><tbody>\n");
            for (Step s : r.steps()) {
                h.append("<tr><td><b>").append(esc(s.name())).append("</b></td><td>").append(esc(s.expected()))
                        .append("</td><td>").append(esc(s.observed())).append("</td><td>");
                for (Judgment j : s.judgments()) {
                    h.append("<div><span class=\"v ").append(j.outcome().word()).append("\">")
                            .append(esc(j.expectation().source())).append(": ").append(j.outcome().word())
                            .append("</span> ").append(esc(j.reason())).append("</div>");
                }
                h.append("</td><td>").append(esc(s.why())).append("</td><td").append(s.ok() ? ">" : " class=\"fail\">")
                        .append(esc(s.verified())).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        for (LabTable t : r.tables()) {
            h.append("<h3>").append(esc(t.title())).append("</h3>\n<table><thead><tr>");
            t.header().forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
            h.append("</tr></thead><tbody>\n");
            for (List<String> row : t.rows()) {
                h.append("<tr>");
                row.forEach(c -> h.append("<td>").append(esc(c)).append("</td>"));
                h.append("</tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        for (ChartSpec c : r.charts()) {
            Chart png = SheetCharts.draw(c);
            h.append("<figure><img id=\"chart-").append(esc(c.name())).append("\" alt=\"").append(esc(c.title()))
                    .append("\" width=\"").append(Charts.WIDTH).append("\" height=\"").append(Charts.HEIGHT)
                    .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png.png()))
                    .append("\"></figure>\n");
        }
        h.append("<p class=\"lesson\"><b>Lesson.</b> ").append(esc(r.lesson())).append("</p>\n");
    }

    /** Escapes text for HTML content and attribute values. */
    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
