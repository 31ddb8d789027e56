package io.gpulab.bench.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.gpulab.bench.BenchSize;
import io.gpulab.bench.BenchTask;
import io.gpulab.bench.run.BenchRunner;
import io.gpulab.bench.run.Skip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a results directory written by {@code gpulab bench}: JMH's JSON, the environment and the skipped list. */
public final class ResultsLoader {

    private static final List<String> PHASES = List.of("upload", "kernel", "download", "other");

    private ResultsLoader() {
    }

    /**
     * Reads one results directory.
     *
     * @throws IOException when a file cannot be read or is not the JSON it should be, naming the file
     */
    public static MachineResults load(Path dir) throws IOException {
        Path envFile = dir.resolve(BenchRunner.ENVIRONMENT);
        Path resultFile = dir.resolve(BenchRunner.RESULTS);
        if (!Files.isRegularFile(resultFile)) {
            throw new IOException(dir + " is not a gpulab results directory: no " + BenchRunner.RESULTS);
        }
        JsonObject env = Files.isRegularFile(envFile) ? parse(envFile).getAsJsonObject() : new JsonObject();
        Machine machine = MachineReader.machine(env, dir);
        List<Measurement> ms = new ArrayList<>();
        for (JsonElement e : parse(resultFile).getAsJsonArray()) {
            Measurement m = measurement(machine.label(), e.getAsJsonObject());
            if (m != null) {
                ms.add(m);
            }
        }
        List<Skip> skipped = new ArrayList<>();
        Path skipFile = dir.resolve(BenchRunner.SKIPPED);
        if (Files.isRegularFile(skipFile)) {
            for (JsonElement e : parse(skipFile).getAsJsonArray()) {
                JsonObject s = e.getAsJsonObject();
                skipped.add(new Skip(str(s, "task"), str(s, "backend"), str(s, "size"), str(s, "reason")));
            }
        }
        return new MachineResults(machine, ms, skipped);
    }

    private static JsonElement parse(Path file) throws IOException {
        try {
            return JsonParser.parseString(Files.readString(file));
        } catch (JsonParseException | IllegalStateException e) {
            throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Returns the measurement of one JMH result, or null for a benchmark or unit this report does not know. */
    static Measurement measurement(String machine, JsonObject r) {
        String bench = r.get("benchmark").getAsString();
        String[] parts = bench.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        BenchTask task = BenchTask.forBenchClass(parts[parts.length - 2]).orElse(null);
        JsonObject pm = r.getAsJsonObject("primaryMetric");
        double scale = toMillis(pm.get("scoreUnit").getAsString());
        if (task == null || Double.isNaN(scale)) {
            return null;
        }
        JsonObject params = r.getAsJsonObject("params");
        String backend = str(params, "backend");
        String size = str(params, "size");
        long units = task.size(size).map(BenchSize::workUnits).orElse(0L);
        JsonArray ci = pm.getAsJsonArray("scoreConfidence");
        int samples = 0;
        for (JsonElement fork : pm.getAsJsonArray("rawData")) {
            samples += fork.getAsJsonArray().size();
        }
        JsonObject sec = r.has("secondaryMetrics") ? r.getAsJsonObject("secondaryMetrics") : new JsonObject();
        return new Measurement(machine, task.id(), backend, size, num(pm.get("score")) * scale,
                num(pm.get("scoreError")) * scale, num(ci.get(0)) * scale, num(ci.get(1)) * scale, samples, units,
                phases(sec), meanRaw(sec, "compileNanos") / 1e6);
    }

    /** Returns the mean per-run milliseconds of each phase, from per-iteration sums divided by phased runs. */
    private static Map<String, Double> phases(JsonObject sec) {
        Map<String, Double> out = new LinkedHashMap<>();
        List<Double> runs = raw(sec, "phasedRuns");
        for (String phase : PHASES) {
            List<Double> sums = raw(sec, phase + "Nanos");
            double total = 0;
            int n = 0;
            for (int i = 0; i < Math.min(runs.size(), sums.size()); i++) {
                if (runs.get(i) > 0) {
                    total += sums.get(i) / runs.get(i);
                    n++;
                }
            }
            if (n > 0 && total > 0) {
                out.put(phase, total / n / 1e6);
            }
        }
        return out;
    }

    private static double meanRaw(JsonObject sec, String name) {
        List<Double> v = raw(sec, name);
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static List<Double> raw(JsonObject sec, String name) {
        List<Double> out = new ArrayList<>();
        if (sec.has(name)) {
            for (JsonElement fork : sec.getAsJsonObject(name).getAsJsonArray("rawData")) {
                for (JsonElement v : fork.getAsJsonArray()) {
                    out.add(num(v));
                }
            }
        }
        return out;
    }

    private static double toMillis(String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "s/op" -> 1e3;
            case "ms/op" -> 1;
            case "us/op" -> 1e-3;
            case "ns/op" -> 1e-6;
            default -> Double.NaN;
        };
    }

    /** Reads a number that JMH may have written as the string {@code "NaN"}. */
    static double num(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return Double.NaN;
        }
        try {
            return e.getAsDouble();
        } catch (NumberFormatException ex) {
            return Double.NaN;
        }
    }

    static String str(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }
}
