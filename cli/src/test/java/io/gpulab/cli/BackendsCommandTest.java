package io.gpulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackendsCommandTest {

    @Test
    @SuppressWarnings("unchecked")
    void jsonListsEveryProviderWithAvailabilityAndDevices() {
        Cli.Result r = Cli.run("backends", "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> j = (Map<String, Object>) MiniJson.parse(r.out());
        List<Map<String, Object>> backends = (List<Map<String, Object>>) j.get("backends");
        // the five standard ones first, in order, then the test-only faulty backend, then the absent spark module
        assertEquals(List.of("seq", "forkjoin", "process", "opencl", "cuda", "faulty", "spark"),
                backends.stream().map(b -> b.get("id")).toList());
        for (Map<String, Object> b : backends) {
            boolean ok = (Boolean) b.get("available");
            assertEquals(ok, b.get("reason") == null, b.toString());
            assertTrue(b.get("devices") instanceof List, b.toString());
        }
        Map<String, Object> seq = backends.get(0);
        assertEquals(true, seq.get("available"));
        Map<String, Object> dev = ((List<Map<String, Object>>) seq.get("devices")).get(0);
        assertEquals("seq", dev.get("id"));
        assertFalse(((String) dev.get("name")).isEmpty());
        assertTrue(dev.get("properties") instanceof Map);
    }

    @Test
    @SuppressWarnings("unchecked")
    void tableAgreesWithJsonAndGivesEveryReason() {
        Map<String, Object> j = (Map<String, Object>) MiniJson.parse(Cli.run("backends", "--json").out());
        Cli.Result r = Cli.run("backends");
        assertEquals(0, r.code(), r.err());
        for (Map<String, Object> b : (List<Map<String, Object>>) j.get("backends")) {
            String line = r.out().lines().filter(l -> l.startsWith(b.get("id") + " ")).findFirst().orElseThrow();
            if ((Boolean) b.get("available")) {
                assertTrue(line.matches("\\S+\\s+yes\\s+.*"), line);
            } else {
                assertTrue(line.matches("\\S+\\s+no\\s+.*"), line);
                assertTrue(line.endsWith((String) b.get("reason")), line);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void sparkWithoutItsModuleSaysHowToBuildIt() {
        Map<String, Object> j = (Map<String, Object>) MiniJson.parse(Cli.run("backends", "--json").out());
        Map<String, Object> spark = ((List<Map<String, Object>>) j.get("backends")).stream()
                .filter(b -> b.get("id").equals("spark")).findFirst().orElseThrow();
        assertEquals(false, spark.get("available"));
        assertTrue(((String) spark.get("reason")).contains("./gpulab --with-spark"), spark.toString());

        Cli.Result r = Cli.run("run", "sieve", "--backend", "spark", "--to", "100");
        assertEquals(ExitCode.UNAVAILABLE, r.code(), r.err());
        assertTrue(r.err().startsWith("gpulab: backend spark is unavailable: module spark is not built"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyCpuBackendSaysWhichBlurPathRunsAndWhy() {
        Map<String, Object> j = (Map<String, Object>) MiniJson.parse(Cli.run("backends", "--json").out());
        for (Map<String, Object> b : (List<Map<String, Object>>) j.get("backends")) {
            if (List.of("seq", "forkjoin", "process").contains(b.get("id"))) {
                Map<String, Object> dev = ((List<Map<String, Object>>) b.get("devices")).get(0);
                String path = (String) ((Map<String, Object>) dev.get("properties")).get("blur path");
                // this test JVM runs without jdk.incubator.vector, so the reason is that the module is missing
                assertEquals("C2 auto-vectorized (no Vector API here: run through ./gpulab, which adds "
                        + "jdk.incubator.vector, on a CPU with 256-bit vectors and FMA)", path, b.get("id") + "");
            }
        }
    }
}
