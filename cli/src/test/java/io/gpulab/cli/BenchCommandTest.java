package io.gpulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
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
        assertEquals(3, rc, "a backend named in --backends was skipped; the results are still written");

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

        // the real result feeds the report too
        Path html = dir.resolve("report.html");
        Path md = dir.resolve("report.md");
        assertEquals(0, new CommandLine(new ReportCommand()).execute(out.toString(), "--html", html.toString(),
                "--md", md.toString()));
        String page = Files.readString(html);
        assertTrue(page.contains("<td>seq</td>") && page.contains("src=\"data:image/png;base64,"), "seq row, chart");
        assertTrue(page.contains("no backend &#39;nosuchbackend&#39;") || page.contains("no backend 'nosuchbackend'"));
        assertTrue(Files.readString(md).contains("| QUICK"));
    }

    @Test
    void reportOnAMissingDirectoryIsAReadableError(@TempDir Path dir) {
        StringWriter buf = new StringWriter();
        CommandLine cl = new CommandLine(new ReportCommand());
        cl.setErr(new PrintWriter(buf, true));
        assertEquals(2, cl.execute(dir.resolve("nope").toString(), "--html", dir.resolve("r.html").toString()));
        assertTrue(buf.toString().contains("not a gpulab results directory"), buf.toString());
        assertFalse(Files.exists(dir.resolve("r.html")));
    }

    @Test
    void reportThatCannotBeWrittenNamesTheFileAndItsCause(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("jmh-result.json"), "[]");
        // a path under a regular file cannot be created, whatever the user's permissions (tests may run as root)
        Path html = dir.resolve("jmh-result.json").resolve("r.html");
        StringWriter buf = new StringWriter();
        CommandLine cl = new CommandLine(new ReportCommand());
        cl.setErr(new PrintWriter(buf, true));
        assertEquals(6, cl.execute(dir.toString(), "--html", html.toString()));
        String err = buf.toString();
        assertTrue(err.startsWith("gpulab report: write error on " + html + ": "), err);
        assertEquals(1, err.lines().count(), err);
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
