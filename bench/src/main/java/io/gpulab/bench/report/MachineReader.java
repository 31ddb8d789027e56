package io.gpulab.bench.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns an environment record into the facts the machine table shows. */
final class MachineReader {

    private MachineReader() {
    }

    /** Reads the machine; a missing fact reads "unknown", and the label falls back to the directory name. */
    static Machine machine(JsonObject env, Path dir) {
        String label = ResultsLoader.str(env, "label");
        if (label.isEmpty()) {
            label = ResultsLoader.str(env, "host");
        }
        if (label.isEmpty() || "unknown".equals(label)) {
            label = String.valueOf(dir.toAbsolutePath().normalize().getFileName());
        }
        JsonObject cpu = obj(env, "cpu");
        JsonObject os = obj(env, "os");
        JsonObject jvm = obj(env, "jvm");
        String cores = cpu.has("physicalCores") ? cpu.get("physicalCores").getAsInt() + " cores, "
                + cpu.get("logicalCores").getAsInt() + " threads" : orUnknown(ResultsLoader.str(cpu,
                "availableProcessors"));
        String memory = env.has("memoryBytes") ? String.format(Locale.ROOT, "%.1f GiB",
                env.get("memoryBytes").getAsLong() / (double) (1L << 30)) : "unknown";
        String commit = ResultsLoader.str(env, "gitCommit");
        String gpulab = orUnknown(ResultsLoader.str(env, "gpulabVersion")) + " ("
                + (commit.length() > 12 ? commit.substring(0, 12) + commit.replaceAll("^[0-9a-f]+", "")
                : orUnknown(commit)) + ")";
        return new Machine(label, orUnknown(ResultsLoader.str(cpu, "model")), cores, memory,
                orUnknown((ResultsLoader.str(os, "name") + " " + ResultsLoader.str(os, "arch")).trim()),
                orUnknown((ResultsLoader.str(jvm, "name") + " " + ResultsLoader.str(jvm, "version")).trim()),
                backends(env), gpulab, orUnknown(ResultsLoader.str(env, "date")));
    }

    private static List<String> backends(JsonObject env) {
        List<String> out = new ArrayList<>();
        if (!env.has("backends")) {
            return out;
        }
        for (JsonElement e : env.getAsJsonArray("backends")) {
            JsonObject b = e.getAsJsonObject();
            StringBuilder line = new StringBuilder(ResultsLoader.str(b, "id")).append(": ");
            if (!b.get("available").getAsBoolean()) {
                line.append("unavailable (").append(ResultsLoader.str(b, "reason")).append(')');
            } else {
                List<String> devs = new ArrayList<>();
                for (JsonElement d : b.getAsJsonArray("devices")) {
                    devs.add(device(d.getAsJsonObject()));
                }
                line.append(devs.isEmpty() ? "available" : String.join("; ", devs));
            }
            out.add(line.toString());
        }
        return out;
    }

    private static String device(JsonObject d) {
        StringBuilder s = new StringBuilder(ResultsLoader.str(d, "name"));
        JsonObject props = obj(d, "properties");
        for (Map.Entry<String, JsonElement> p : props.entrySet()) {
            if (p.getKey().toLowerCase(Locale.ROOT).contains("driver")
                    || p.getKey().toLowerCase(Locale.ROOT).contains("version")) {
                s.append(", ").append(p.getKey()).append(' ').append(p.getValue().getAsString());
            }
        }
        return s.toString();
    }

    private static JsonObject obj(JsonObject o, String name) {
        return o.has(name) && o.get(name).isJsonObject() ? o.getAsJsonObject(name) : new JsonObject();
    }

    private static String orUnknown(String s) {
        return s == null || s.isBlank() ? "unknown" : s;
    }
}
