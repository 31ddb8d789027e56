package io.gpulab.cli.lab;

import io.gpulab.cli.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the lab sheet as one JSON object: the machine, then every experiment with its steps, verdicts and data. */
final class JsonSheet {

    private JsonSheet() {
    }

    static String render(LabMachine m, List<LabResult> results) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", "gpulab-lab/1");
        root.put("machine", machine(m));
        root.put("busySpread", Verdicts.BUSY_SPREAD);
        List<Object> xs = new ArrayList<>();
        for (LabResult r : results) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", r.id());
            x.put("title", r.title());
            x.put("question", r.question());
            x.put("setup", r.setup());
            x.put("ok", r.ok());
            x.put("steps", r.steps().stream().map(JsonSheet::step).toList());
            x.put("tables", r.tables().stream().map(JsonSheet::table).toList());
            x.put("charts", r.charts().stream().map(JsonSheet::chart).toList());
            x.put("lesson", r.lesson());
            xs.add(x);
        }
        root.put("experiments", xs);
        return Json.write(root) + "\n";
    }

    static Map<String, Object> machine(LabMachine m) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("cpu", m.cpu());
        x.put("cores", m.cores());
        x.put("memory", m.memory());
        x.put("load", m.load());
        x.put("os", m.os());
        x.put("jvm", m.jvm());
        x.put("backends", m.backends());
        x.put("date", m.date());
        return x;
    }

    private static Map<String, Object> step(Step s) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("name", s.name());
        x.put("expected", s.expected());
        x.put("observed", s.observed());
        x.put("why", s.why());
        x.put("seconds", s.time() == null ? null : s.time().seconds());
        x.put("medianSeconds", s.time() == null ? null : s.time().median());
        x.put("minSeconds", s.time() == null ? null : s.time().min());
        x.put("spread", s.time() == null ? null : s.time().spread());
        x.put("speedup", s.speedup());
        List<Object> js = new ArrayList<>();
        for (Judgment j : s.judgments()) {
            Map<String, Object> y = new LinkedHashMap<>();
            y.put("source", j.expectation().source());
            y.put("expected", j.expectation().text());
            y.put("low", j.expectation().low());
            y.put("high", j.expectation().high());
            y.put("outcome", j.outcome().word());
            y.put("speedup", j.speedup());
            y.put("speedupLow", j.low());
            y.put("speedupHigh", j.high());
            y.put("reason", j.reason());
            js.add(y);
        }
        x.put("verdicts", js);
        x.put("verified", s.verified());
        x.put("ok", s.ok());
        return x;
    }

    private static Map<String, Object> table(LabTable t) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("title", t.title());
        x.put("header", t.header());
        x.put("rows", t.rows());
        return x;
    }

    private static Map<String, Object> chart(ChartSpec c) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("name", c.name());
        x.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
        x.put("title", c.title());
        x.put("categories", c.categories());
        x.put("series", c.series());
        return x;
    }
}
