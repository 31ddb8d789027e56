package io.gpulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSieveCommandTest {

    @TempDir
    Path tmp;

    @Test
    void printsTheCountOfAnInclusiveRange() {
        Cli.Result r = Cli.run("run", "sieve", "--backend", "seq", "--from", "2", "--to", "10^2").noStackTrace();
        assertEquals(0, r.code(), r.err());
        assertEquals("25\n", r.out());
        assertTrue(r.err().contains("seq"), r.err());
    }

    @Test
    void emptyRangeWhenFromExceedsTo() {
        Cli.Result r = Cli.run("run", "sieve", "-b", "seq", "--from", "100", "--to", "10");
        assertEquals(0, r.code(), r.err());
        assertEquals("0\n", r.out());
    }

    @Test
    void negativeToIsAUsageError() {
        Cli.Result r = Cli.run("run", "sieve", "-b", "seq", "--to", "-5").noStackTrace();
        assertEquals(2, r.code(), r.err());
        assertEquals("gpulab: --to must be 0 or more: -5\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void deviceOfAnotherBackendIsRefusedNotIgnored() {
        Cli.Result r = Cli.run("run", "sieve", "-b", "seq", "--device", "cuda:0", "--to", "100").noStackTrace();
        assertEquals(3, r.code(), r.err());
        assertEquals("gpulab: backend seq has no device 'cuda:0'; its devices: seq\n", r.err());
        assertEquals("", r.out());
        Cli.Result own = Cli.run("run", "sieve", "-b", "seq", "--device", "seq", "--to", "100");
        assertEquals(0, own.code(), own.err());
        assertEquals("25\n", own.out());
    }

    @Test
    void jsonHoldsEveryField() {
        Cli.Result r = Cli.run("run", "sieve", "-b", "seq", "--from", "1e6", "--to", "2e6", "--json", "--verify",
                "--repeat", "3", "--warmup", "1").noStackTrace();
        assertEquals(0, r.code(), r.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> j = (Map<String, Object>) MiniJson.parse(r.out());
        assertEquals("sieve", j.get("task"));
        assertEquals("seq", j.get("backend"));
        assertTrue(j.get("device") instanceof String d && !d.isEmpty());
        assertEquals(1_000_001L, j.get("workUnits"));
        assertEquals("numbers", j.get("unit"));
        double seconds = ((Number) j.get("seconds")).doubleValue();
        assertTrue(seconds > 0);
        assertEquals(1_000_001 / seconds, ((Number) j.get("throughput")).doubleValue(), 1e-6 * 1_000_001 / seconds);
        assertEquals(Map.of("count", 70435L), j.get("result")); // pi(2e6) - pi(1e6) = 148933 - 78498
        assertEquals(true, j.get("verified"));
        assertEquals(3L, j.get("repeats"));
        assertEquals(seconds, ((Number) j.get("medianSeconds")).doubleValue());
        assertTrue(((Number) j.get("minSeconds")).doubleValue() <= seconds);
    }

    @Test
    void verifiedIsNullWithoutVerify() {
        Cli.Result r = Cli.run("run", "sieve", "-b", "seq", "--to", "1000", "--json");
        @SuppressWarnings("unchecked")
        Map<String, Object> j = (Map<String, Object>) MiniJson.parse(r.out());
        assertTrue(j.containsKey("verified"));
        assertNull(j.get("verified"));
    }

    @Test
    void listWritesThePrimesOnePerLine() throws IOException {
        Path file = tmp.resolve("primes.txt");
        Cli.Result r = Cli.run("run", "sieve", "-b", "seq", "--from", "90", "--to", "1000", "--list", file.toString());
        assertEquals(0, r.code(), r.err());
        String expected = LongStream.rangeClosed(90, 1000).filter(RunSieveCommandTest::isPrime)
                .mapToObj(Long::toString).collect(Collectors.joining("\n", "", "\n"));
        assertEquals(expected, Files.readString(file));
        assertEquals(expected.lines().count() + "\n", r.out());
    }

    @Test
    void listToStdoutMovesTheCountToStderr() {
        Cli.Result r = Cli.run("run", "sieve", "-b", "seq", "--to", "30", "--list", "-");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("2", "3", "5", "7", "11", "13", "17", "19", "23", "29"), r.out().lines().toList());
        assertTrue(r.err().lines().anyMatch(l -> l.equals("10")), r.err());
    }

    @Test
    void rangeAbove10To18IsOneLineUsageError() {
        Cli.Result r = Cli.run("run", "sieve", "-b", "seq", "--to", "10^18+1").noStackTrace();
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("10^18"), r.err());
    }

    @Test
    void listWithRepeatIsUsageError() {
        Cli.Result r = Cli.run("run", "sieve", "-b", "seq", "--to", "100", "--list", "-", "--repeat", "2");
        assertEquals(2, r.code(), r.err());
    }

    @Test
    void unavailableOrUnknownBackendExits3WithOneLine() {
        for (String id : List.of("cuda", "no-such-backend")) {
            Cli.Result r = Cli.run("run", "sieve", "--backend", id, "--to", "100").noStackTrace();
            assertEquals(3, r.code(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("gpulab: ") && r.err().contains(id), r.err());
        }
    }

    @Test
    void debugShowsTheStackTrace() {
        Cli.Result r = Cli.run("run", "sieve", "--backend", "cuda", "--to", "100", "--debug");
        assertEquals(3, r.code());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void missingTaskOrCommandIsUsageError() {
        assertEquals(2, Cli.run().code());
        assertEquals(2, Cli.run("run").code());
        assertEquals(2, Cli.run("run", "nosuchtask").noStackTrace().code());
        assertEquals(2, Cli.run("run", "sieve", "--to", "5").code()); // no --backend
        assertEquals(0, Cli.run("--help").code());
    }

    private static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        for (long d = 2; d * d <= n; d++) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    @Test
    void rangeBeyondLongNamesTheSupportedRange() {
        for (String to : List.of("10^19", "-10^19")) {
            Cli.Result r = Cli.run("run", "sieve", "-b", "seq", "--to", to).noStackTrace();
            assertEquals(2, r.code());
            assertTrue(r.err().startsWith("gpulab: Invalid value for option '--to': '" + to + "' is out of range "
                    + "0..10^18\n"), r.err());
        }
        Cli.Result r = Cli.run("run", "sieve", "-b", "seq", "--from", "1e20", "--to", "1").noStackTrace();
        assertTrue(r.err().contains("'1e20' is out of range 0..10^18"), r.err());
    }
}
