package io.gpulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void escapesEveryAwkwardCharacterAndRoundTrips() {
        char[] controls = new char[32];
        for (int i = 0; i < 32; i++) {
            controls[i] = (char) i;
        }
        String awkward = "quote\" back\\slash /slash tab\t nl\n" + new String(controls) + " ünï \u2028 end";
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", awkward);
        m.put("key \"with\" quotes", List.of(1L, 2.5, true, false));
        m.put("null", null);
        m.put("nested", Map.of("n", -7L));
        assertEquals(m, MiniJson.parse(Json.write(m)));
    }

    @Test
    void nonFiniteDoublesBecomeNull() {
        assertEquals(Arrays.asList(null, null, 1.5), MiniJson.parse(Json.write(List.of(Double.NaN,
                Double.POSITIVE_INFINITY, 1.5))));
    }
}
