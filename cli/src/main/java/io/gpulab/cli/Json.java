package io.gpulab.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.Map;

/**
 * Writes maps, lists, strings, numbers, booleans and null as compact JSON through Gson, the one JSON library of
 * gpulab (the report reads JMH's JSON with it too); non-finite doubles become {@code null} because JSON has no NaN,
 * and any other object is written as its {@code toString()}.
 */
public final class Json {

    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private Json() {
    }

    /** Returns the JSON text of a value made of maps (string keys), lists, strings, numbers, booleans and null. */
    public static String write(Object value) {
        return GSON.toJson(tree(value));
    }

    private static JsonElement tree(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? new JsonPrimitive(d) : JsonNull.INSTANCE;
        } else if (value instanceof Number n) {
            return new JsonPrimitive(n);
        } else if (value instanceof Boolean b) {
            return new JsonPrimitive(b);
        } else if (value instanceof Map<?, ?> m) {
            JsonObject o = new JsonObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                o.add(String.valueOf(e.getKey()), tree(e.getValue()));
            }
            return o;
        } else if (value instanceof List<?> l) {
            JsonArray a = new JsonArray(l.size());
            for (Object item : l) {
                a.add(tree(item));
            }
            return a;
        }
        return new JsonPrimitive(value.toString());
    }
}
