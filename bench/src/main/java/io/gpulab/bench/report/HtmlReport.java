package io.gpulab.bench.report;

import io.gpulab.bench.run.Skip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Writes the report as one self-contained HTML page: inline CSS, charts as base64 PNG data URIs, no script and
 * no network resource, so the file opens offline and can be mailed as it is.
 */
public final class HtmlReport {

    private static final String CSS = """
            body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1f2328;
            background:#f6f8fa;margin:0}
            main{max-width:1100px;margin:0 auto;padding:24px 32px 64px;background:#fff;
            box-shadow:0 0 0 1px #e5e8eb}
            h1{font-size:28px;margin:8px 0 4px}h2{font-size:22px;margin:40px 0 8px;padding-bottom:6px;
            border-bottom:2px solid #e5e8eb}h3{font-size:16px;margin:24px 0 8px;color:#424a53}
            p.note{color:#59636e;margin:4px 0 16px}
            table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:13.5px}
            th,td{text-align:left;padding:6px 10px;border-bottom:1px solid #e5e8eb;vertical-align:top}
            th{background:#f6f8fa;font-weight:600}tr:hover td{background:#fafbfc}
            td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            figure{margin:16px 0;text-align:center}figure img{max-width:100%;height:auto;border:1px solid #eef0f2;
            border-radius:6px}figcaption{font-size:13px;color:#59636e}
            ul.devices{margin:0;padding-left:18px}.skip td{color:#8a5a00}
            """;

    private HtmlReport() {
    }

    /** Writes the report to this file; its folder must exist (none is created, so a mistyped path fails). */
    public static void write(Report report, Path file) throws IOException {
        Files.writeString(file, render(report));
    }

    /** Renders the report as an HTML document. */
    public static String render(Report report) {
        StringBuilder h = new StringBuilder(1 << 20);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>gpulab benchmark report</title><style>").append(CSS).append("</style></head>\n")
                .append("<body><main>\n<h1>gpulab benchmark report</h1>\n<p class=\"note\">")
                .append(report.machines().size()).append(" machine(s). Times are JMH averages per run, end to end")
                .append(" (transfers included), with JMH's 99.9% confidence half-width; phase times are what each")
                .append(" device backend measured itself.</p>\n");
        machines(h, report);
        for (TaskReport t : report.tasks()) {
            task(h, t);
        }
        return h.append("</main></body></html>\n").toString();
    }

    private static void machines(StringBuilder h, Report report) {
        h.append("<h2 id=\"machines\">Machines</h2>\n<table><thead><tr><th>Machine</th><th>CPU</th><th>Cores</th>")
                .append("<th>Memory</th><th>OS</th><th>JVM</th><th>Backends and devices</th><th>gpulab</th>")
                .append("<th>Date</th></tr></thead><tbody>\n");
        for (Machine m : report.machines()) {
            h.append("<tr><td><b>").append(esc(m.label())).append("</b></td>");
            for (String s : List.of(m.cpu(), m.cores(), m.memory(), m.os(), m.jvm())) {
                h.append("<td>").append(esc(s)).append("</td>");
            }
            h.append("<td><ul class=\"devices\">");
            m.devices().forEach(d -> h.append("<li>").append(esc(d)).append("</li>"));
            h.append("</ul></td><td>").append(esc(m.gpulab())).append("</td><td>").append(esc(m.date()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void task(StringBuilder h, TaskReport t) {
        h.append("<h2 id=\"").append(esc(t.task())).append("\">").append(esc(t.task())).append("</h2>\n");
        if (!t.rows().isEmpty()) {
            h.append("<table><thead><tr><th>Size</th><th>Backend</th><th>Machine</th><th>Time per run</th>")
                    .append("<th>Throughput</th><th>Speedup vs seq</th><th>Phases per run</th><th>Setup</th>")
                    .append("<th>n</th></tr></thead><tbody>\n");
            for (Row r : t.rows()) {
                h.append("<tr><td>").append(esc(r.size())).append("</td><td>").append(esc(r.backend()))
                        .append("</td><td>").append(esc(r.machine())).append("</td><td class=\"num\">")
                        .append(esc(r.time())).append("</td><td class=\"num\">").append(esc(r.throughput()))
                        .append("</td><td class=\"num\">").append(esc(r.speedup())).append("</td><td>")
                        .append(esc(r.phases())).append("</td><td class=\"num\">").append(esc(r.compile()))
                        .append("</td><td class=\"num\">").append(r.samples()).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        skipped(h, t.skipped());
        for (Chart c : t.charts()) {
            h.append("<figure><img id=\"chart-").append(esc(c.name())).append("\" alt=\"").append(esc(c.title()))
                    .append("\" width=\"").append(Charts.WIDTH).append("\" height=\"").append(Charts.HEIGHT)
                    .append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(c.png())).append("\"></figure>\n");
        }
    }

    private static void skipped(StringBuilder h, List<Skip> skipped) {
        if (skipped.isEmpty()) {
            return;
        }
        h.append("<h3>Not measured</h3>\n<table><thead><tr><th>Machine · backend</th><th>Size</th><th>Reason</th>")
                .append("</tr></thead><tbody>\n");
        for (Skip s : skipped) {
            h.append("<tr class=\"skip\"><td>").append(esc(s.backend())).append("</td><td>")
                    .append(esc("*".equals(s.size()) ? "all" : s.size())).append("</td><td>").append(esc(s.reason()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    /** Escapes text for HTML content and attribute values. */
    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
