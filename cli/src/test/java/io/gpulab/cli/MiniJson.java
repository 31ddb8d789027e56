package io.gpulab.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.Strictness;
import com.google.gson.ToNumberPolicy;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;

/**
 * Parses the command's JSON output in tests through Gson, strictly (RFC 8259, no lenient extensions) and rejecting
 * trailing text, so "parses" means one JSON value and nothing else.
 */
final class MiniJson {

    private static final Gson GSON = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
            .create();

    private MiniJson() {
    }

    /** Parses the text as exactly one JSON value; maps keep key order, numbers become Long or Double. */
    static Object parse(String text) {
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            Object value = GSON.getAdapter(Object.class).read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException("trailing text after the JSON value: " + text);
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }
}
