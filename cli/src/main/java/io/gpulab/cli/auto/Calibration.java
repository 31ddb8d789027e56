package io.gpulab.cli.auto;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.gpulab.api.SerialItems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cost models measured on one machine by one gpulab version: one {@link Cost} per backend and task, with the
 * key of the environment they were measured in. A cost's {@code serialItems} is optional in the file: a file written
 * before it was recorded reads as a backend without one until {@code gpulab calibrate} measures it again.
 *
 * @param key the environment: gpulab version, CPU, devices and drivers (see {@link MachineKey})
 * @param created when the newest cost was measured, ISO-8601
 * @param costs the cost models, at most one per backend and task
 * @param warmups the JIT warm-up of each task's Java code, at most one per task
 */
public record Calibration(String key, String created, List<Cost> costs, List<Warmup> warmups) {

    /** The schema written into every calibration file. */
    static final String SCHEMA = "gpulab-calibration/1";

    /** Copies the lists. */
    public Calibration {
        costs = List.copyOf(costs);
        warmups = List.copyOf(warmups);
    }

    /** Returns the JIT warm-up of a task's Java code, or null when not measured. */
    public Warmup warmup(String task) {
        return warmups.stream().filter(w -> w.task().equals(task)).findFirst().orElse(null);
    }

    /** Returns the cost model of this task on this backend, if measured. */
    public Optional<Cost> cost(String backend, String task) {
        return costs.stream().filter(c -> c.backend().equals(backend) && c.task().equals(task)).findFirst();
    }

    /** Returns this calibration with these costs and warm-ups added, replacing those of the same backend and task. */
    public Calibration with(List<Cost> measured, List<Warmup> jit, String when) {
        Map<String, Cost> m = new LinkedHashMap<>();
        for (Cost c : costs) {
            m.put(c.backend() + "/" + c.task(), c);
        }
        for (Cost c : measured) {
            m.put(c.backend() + "/" + c.task(), c);
        }
        Map<String, Warmup> w = new LinkedHashMap<>();
        for (Warmup x : warmups) {
            w.put(x.task(), x);
        }
        for (Warmup x : jit) {
            w.put(x.task(), x);
        }
        return new Calibration(key, when, new ArrayList<>(m.values()), new ArrayList<>(w.values()));
    }

    /** Returns the calibration as the JSON object stored in the cache. */
    JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("schema", SCHEMA);
        o.addProperty("key", key);
        o.addProperty("created", created);
        JsonArray list = new JsonArray();
        for (Cost c : costs) {
            JsonObject j = new JsonObject();
            j.addProperty("backend", c.backend());
            j.addProperty("device", c.device());
            j.addProperty("task", c.task());
            j.addProperty("openSeconds", c.openSeconds());
            j.addProperty("prepareSeconds", c.prepareSeconds());
            j.addProperty("runSeconds", c.runSeconds());
            j.addProperty("secondsPerUnit", c.secondsPerUnit());
            j.addProperty("bytesPerSecond", c.bytesPerSecond());
            j.addProperty("javaCode", c.javaCode());
            if (c.serialItems() != null) {
                JsonObject si = new JsonObject();
                si.addProperty("itemBytesPerSecond", c.serialItems().itemBytesPerSecond());
                si.addProperty("batchBytesPerSecond", c.serialItems().batchBytesPerSecond());
                si.addProperty("minBytes", c.serialItems().minBytes());
                j.add("serialItems", si);
            }
            list.add(j);
        }
        o.add("costs", list);
        JsonArray jits = new JsonArray();
        for (Warmup w : warmups) {
            JsonObject j = new JsonObject();
            j.addProperty("task", w.task());
            j.addProperty("smallUnits", w.smallUnits());
            JsonArray ex = new JsonArray();
            for (double d : w.smallExcess()) {
                ex.add(d);
            }
            j.add("smallExcessSeconds", ex);
            j.addProperty("largeUnits", w.largeUnits());
            j.addProperty("largeExcessSeconds", w.largeExcess());
            jits.add(j);
        }
        o.add("warmups", jits);
        return o;
    }

    /**
     * Reads a calibration from its JSON object.
     *
     * @throws IllegalArgumentException naming what is missing or wrong, for a file that is not a calibration
     */
    static Calibration fromJson(JsonElement e) {
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonObject o = e.getAsJsonObject();
        if (!SCHEMA.equals(text(o, "schema"))) {
            throw new IllegalArgumentException("schema is not " + SCHEMA);
        }
        JsonElement list = o.get("costs");
        if (list == null || !list.isJsonArray()) {
            throw new IllegalArgumentException("no costs array");
        }
        List<Cost> costs = new ArrayList<>();
        for (JsonElement c : list.getAsJsonArray()) {
            if (!c.isJsonObject()) {
                throw new IllegalArgumentException("a cost is not a JSON object");
            }
            JsonObject j = c.getAsJsonObject();
            costs.add(new Cost(text(j, "backend"), text(j, "device"), text(j, "task"), number(j, "openSeconds"),
                    number(j, "prepareSeconds"), number(j, "runSeconds"), number(j, "secondsPerUnit"),
                    number(j, "bytesPerSecond"), bool(j, "javaCode"), serialItems(j)));
        }
        JsonElement jits = o.get("warmups");
        if (jits == null || !jits.isJsonArray()) {
            throw new IllegalArgumentException("no warmups array");
        }
        List<Warmup> warmups = new ArrayList<>();
        for (JsonElement x : jits.getAsJsonArray()) {
            if (!x.isJsonObject() || !x.getAsJsonObject().has("smallExcessSeconds")
                    || !x.getAsJsonObject().get("smallExcessSeconds").isJsonArray()) {
                throw new IllegalArgumentException("a warm-up is not a JSON object with smallExcessSeconds");
            }
            JsonObject j = x.getAsJsonObject();
            JsonArray ex = j.getAsJsonArray("smallExcessSeconds");
            double[] series = new double[ex.size()];
            for (int i = 0; i < series.length; i++) {
                if (!ex.get(i).isJsonPrimitive() || !ex.get(i).getAsJsonPrimitive().isNumber()) {
                    throw new IllegalArgumentException("smallExcessSeconds holds a non-number");
                }
                series[i] = ex.get(i).getAsDouble();
            }
            warmups.add(new Warmup(text(j, "task"), number(j, "smallUnits"), series, number(j, "largeUnits"),
                    number(j, "largeExcessSeconds")));
        }
        return new Calibration(text(o, "key"), text(o, "created"), costs, warmups);
    }

    /** Reads a cost's optional {@code serialItems} object; null where the cost has none. */
    private static SerialItems serialItems(JsonObject cost) {
        JsonElement v = cost.get("serialItems");
        if (v == null) {
            return null;
        }
        if (!v.isJsonObject()) {
            throw new IllegalArgumentException("field 'serialItems' is not a JSON object");
        }
        JsonObject o = v.getAsJsonObject();
        double min = number(o, "minBytes");
        if (min != Math.rint(min)) {
            throw new IllegalArgumentException("field 'minBytes' is not a whole number");
        }
        return new SerialItems(number(o, "itemBytesPerSecond"), number(o, "batchBytesPerSecond"), (long) min);
    }

    private static boolean bool(JsonObject o, String name) {
        JsonElement v = o.get(name);
        if (v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException("field '" + name + "' is missing or not a boolean");
        }
        return v.getAsBoolean();
    }

    private static String text(JsonObject o, String name) {
        JsonElement v = o.get(name);
        if (v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("field '" + name + "' is missing or not a string");
        }
        return v.getAsString();
    }

    private static double number(JsonObject o, String name) {
        JsonElement v = o.get(name);
        if (v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException("field '" + name + "' is missing or not a number");
        }
        return v.getAsDouble();
    }
}
