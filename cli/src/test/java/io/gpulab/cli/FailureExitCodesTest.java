package io.gpulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Provokes the failure exit codes with the test-only {@code faulty} backend. */
class FailureExitCodesTest {

    @Test
    @SuppressWarnings("unchecked")
    void verifyMismatchExits4AndReportsEventsAndPhases() {
        Cli.Result r = Cli.run("run", "sieve", "-b", "faulty", "--to", Long.toString(FaultyProvider.WRONG_TO),
                "--verify", "--json").noStackTrace();
        assertEquals(4, r.code(), r.err());
        assertTrue(r.err().contains("gpulab: result differs from seq"), r.err());
        assertTrue(r.err().contains("event: simulated event: shard 3 re-run"), r.err());
        Map<String, Object> j = (Map<String, Object>) MiniJson.parse(r.out());
        assertEquals(false, j.get("verified"));
        assertEquals(Map.of("count", 78499L), j.get("result")); // pi(10^6) = 78498, plus the fault's one
        assertEquals(Map.of("compile", 0.25, "kernel", 0.5), j.get("phases"));
        assertEquals(List.of("simulated event: shard 3 re-run"), j.get("events"));
    }

    @Test
    void withoutVerifyTheWrongCountIsNotJudged() {
        Cli.Result r = Cli.run("run", "sieve", "-b", "faulty", "--to", Long.toString(FaultyProvider.WRONG_TO));
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void invalidBackendOptionIsAUsageErrorWithOneLine() {
        Cli.Result r = Cli.run("run", "sieve", "-b", "process", "--workers", "1", "-X", "process.bogus=1", "--to",
                "100").noStackTrace();
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("gpulab: unknown backend option 'process.bogus' for backend process"), r.err());
    }

    @Test
    void backendFailureExits5WithOneLine() {
        Cli.Result r = Cli.run("run", "sieve", "-b", "faulty", "--to", Long.toString(FaultyProvider.FAIL_TO))
                .noStackTrace();
        assertEquals(5, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("gpulab: simulated device failure"), r.err());
    }

    @Test
    void bugExits6WithOneLineAndDebugShowsTheTrace() {
        String to = Long.toString(FaultyProvider.BUG_TO);
        Cli.Result r = Cli.run("run", "sieve", "-b", "faulty", "--to", to).noStackTrace();
        assertEquals(6, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("internal error: IllegalStateException: simulated bug"), r.err());
        Cli.Result d = Cli.run("--debug", "run", "sieve", "-b", "faulty", "--to", to);
        assertEquals(6, d.code());
        assertTrue(d.err().contains("\tat io.gpulab.cli.FaultyProvider"), d.err());
    }

    @Test
    void compareMarksTheMismatchAndExits4() {
        Cli.Result r = Cli.run("compare", "sieve", "--backends", "seq,faulty", "--size", "tiny", "--repeat", "1",
                "--warmup", "0").noStackTrace();
        assertEquals(4, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("sieve") && l.contains("faulty") && l.endsWith("NO")),
                r.out());
        assertTrue(r.out().contains("sieve on faulty differs from seq: 1 mismatch(es), first: count 78499, expected "
                + "78498"), r.out());
    }
}
