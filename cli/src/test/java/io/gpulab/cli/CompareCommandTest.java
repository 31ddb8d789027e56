package io.gpulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompareCommandTest {

    @Test
    @SuppressWarnings("unchecked")
    void jsonHasOneRowPerTaskAndBackendWithUnavailableOnesKept() {
        Cli.Result r = Cli.run("compare", "--size", "tiny", "--repeat", "2", "--warmup", "0", "--format", "json");
        assertEquals(4, r.code(), r.err()); // the test-only faulty backend miscounts the tiny sieve on purpose
        Map<String, Object> j = (Map<String, Object>) MiniJson.parse(r.out());
        List<Map<String, Object>> rows = (List<Map<String, Object>>) j.get("rows");
        // five standard backends, the test-only faulty one, and spark, whose module is not on this class path
        assertEquals(3 * 7, rows.size());
        assertTrue(rows.stream().anyMatch(row -> row.get("backend").equals("spark")
                && row.get("status").equals("unavailable")
                && ((String) row.get("reason")).contains("--with-spark")), rows.toString());
        for (Map<String, Object> row : rows) {
            String status = (String) row.get("status");
            if (row.get("backend").equals("seq")) {
                assertEquals("ok", status);
                assertEquals(1.0, ((Number) row.get("speedup")).doubleValue());
                assertTrue(((Number) row.get("medianSeconds")).doubleValue() > 0);
            } else if (row.get("backend").equals("faulty") && row.get("task").equals("sieve")) {
                assertEquals("mismatch", status);
                assertEquals(false, row.get("verified"));
                assertTrue(((String) row.get("reason")).contains("count 78499, expected 78498"), row.toString());
            } else if (status.equals("ok")) {
                assertEquals(true, row.get("verified"), row.toString());
            } else {
                assertTrue(List.of("unavailable", "unsupported", "failed").contains(status), row.toString());
                assertTrue(row.get("reason") instanceof String s && !s.isEmpty(), row.toString());
                assertNull(row.get("medianSeconds"), row.toString());
            }
        }
    }

    @Test
    void tableMarkdownAndCsvAgreeOnTheRows() {
        for (String format : List.of("table", "md", "csv")) {
            Cli.Result r = Cli.run("compare", "sieve", "--backends", "seq", "--size", "tiny", "--repeat", "1",
                    "--warmup", "0", "--format", format);
            assertEquals(0, r.code(), format + ": " + r.err());
            assertTrue(r.out().lines().anyMatch(l -> l.contains("sieve") && l.contains("seq")), r.out());
        }
        Cli.Result csv = Cli.run("compare", "sieve", "--backends", "seq", "--size", "tiny", "--repeat", "1",
                "--warmup", "0", "--format", "csv");
        List<String> lines = csv.out().lines().toList();
        assertEquals(2, lines.size(), csv.out());
        assertTrue(lines.get(0).startsWith("task,backend,status,device,median_s"), lines.get(0));
        assertTrue(lines.get(1).startsWith("sieve,seq,ok,"), lines.get(1));
    }

    @Test
    void namedUnavailableBackendIsListedAndExits3() {
        Cli.Result r = Cli.run("compare", "sha256", "--backends", "seq,cuda", "--size", "tiny", "--repeat", "1",
                "--warmup", "0").noStackTrace();
        assertEquals(3, r.code(), r.err());
        assertTrue(r.out().contains("cuda: unavailable: "), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("sha256") && l.contains("seq")), r.out());
    }

    @Test
    void unknownTaskIsUsageErrorAndUnknownBackendIsUnavailable() {
        assertEquals(2, Cli.run("compare", "nosuchtask").noStackTrace().code());
        assertEquals(3, Cli.run("compare", "--backends", "seq,bogus").noStackTrace().code());
        assertEquals(2, Cli.run("compare", "--size", "huge").noStackTrace().code());
        assertEquals(2, Cli.run("compare", "--format", "xml").noStackTrace().code());
    }
}
