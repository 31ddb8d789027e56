package io.gpulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code gpulab bench} for real on the quick sieve, with tiny iterations, and reads what it wrote. */
class BenchCommandTest {

    @Test
    void quickSieveOnSeqWritesResultsEnvironmentAndSkips(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        int rc = new CommandLine(new BenchCommand()).execute("--quick", "--tasks", "sieve", "--backends",
                "seq,nosuchbackend", "--iterations", "2", "--iteration-ms", "200", "--output", out.toString());
        assertEquals(0, rc);

        JsonArray results = JsonParser.parseString(Files.readString(out.resolve("jmh-result.json")))
                .getAsJsonArray();
        assertEquals(1, results.size(), "one measured combination: sieve on seq, QUICK");
        JsonObject r = results.get(0).getAsJsonObject();
        assertEquals("io.gpulab.bench.SieveBench.endToEnd", r.get("benchmark").getAsString());
        assertEquals("seq", r.getAsJsonObject("params").get("backend").getAsString());
        assertEquals("QUICK", r.getAsJsonObject("params").get("size").getAsString());
        assertTrue(r.getAsJsonObject("primaryMetric").get("score").getAsDouble() > 0);
        assertTrue(r.getAsJsonObject("secondaryMetrics").has("kernelNanos"), "phase counters recorded");

        JsonObject env = JsonParser.parseString(Files.readString(out.resolve("environment.json"))).getAsJsonObject();
        assertFalse(env.getAsJsonObject("cpu").get("model").getAsString().isBlank());
        assertTrue(env.getAsJsonObject("jvm").get("version").getAsString().startsWith(
                String.valueOf(Runtime.version().feature())));
        assertTrue(env.getAsJsonArray("backends").size() >= 1);

        JsonArray skipped = JsonParser.parseString(Files.readString(out.resolve("skipped.json"))).getAsJsonArray();
        boolean found = false;
        for (JsonElement e : skipped) {
            JsonObject s = e.getAsJsonObject();
            found |= "nosuchbackend".equals(s.get("backend").getAsString())
                    && s.get("reason").getAsString().contains("no backend");
        }
        assertTrue(found, "unknown backend recorded with its reason: " + skipped);
        assertTrue(Files.readString(out.resolve("jmh.log")).contains("SieveBench.endToEnd"));
    }

    @Test
    void unknownTaskIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new BenchCommand());
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("--tasks", "nope", "--output", "unused"));
        assertTrue(err.toString().contains("unknown task 'nope'"), err.toString());
    }
}
