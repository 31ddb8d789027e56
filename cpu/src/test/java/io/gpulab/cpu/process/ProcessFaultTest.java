package io.gpulab.cpu.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.BackendException;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.Backends;
import io.gpulab.api.InvalidOptionException;
import io.gpulab.api.Kernel;
import io.gpulab.cpu.seq.Sha256Seq;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveOutput;
import io.gpulab.tasks.Tasks;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Checks that jobs survive worker failures (killed, hung, poisoned shard, garbage on the control channel), using the
 * test-only fault injection of {@link Worker} and kills from outside by pid. Timeouts only guard against hangs.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProcessFaultTest {

    /** pi(10^7), OEIS A006880 (also in shared/testdata/primes/pi.csv). */
    private static final long PI_10_7 = 664_579;

    private static ProcessBackend open(int workers, Duration timeout, String... extra) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < extra.length; i += 2) {
            m.put(extra[i], extra[i + 1]);
        }
        return new ProcessBackend(new BackendOptions(null, 0, workers, timeout, m));
    }

    @Test
    void aWorkerThatDiesMidJobHasItsShardReRunOnAFreshWorker() {
        try (ProcessBackend b = open(2, Duration.ofMinutes(1), "process.fault", "kill-once:shard=2",
                "process.shards", "4");
                Kernel<SieveInput, SieveOutput> k = b.prepare(Tasks.SIEVE, SieveInput.count(0, 10_000_000))) {
            assertEquals(PI_10_7, k.run(SieveInput.count(0, 10_000_000)).count());
            List<String> events = k.events();
            assertEquals(1, events.size(), "one event expected: " + events);
            String e = events.get(0);
            assertTrue(e.contains("shard 2 of 4") && e.contains("exit code " + Worker.FAULT_EXIT_CODE)
                    && e.contains("attempt 1 of 3") && e.contains("fresh worker pid"), e);
        }
    }

    @Test
    void shaDigestsWrittenByARetriedShardMatchSeq() {
        Sha256Input in = new Sha256Input.Synthetic(5000, 100, 3, 11);
        Sha256Output expected = new Sha256Seq().run(in);
        try (ProcessBackend b = open(2, Duration.ofMinutes(1), "process.fault", "kill-once:shard=1",
                "process.shards", "3");
                Kernel<Sha256Input, Sha256Output> k = b.prepare(Tasks.SHA256, in)) {
            assertArrayEquals(expected.fold(), k.run(in).fold());
            assertEquals(1, k.events().size(), "one event expected: " + k.events());
        }
    }

    @Test
    void aShardThatAlwaysKillsItsWorkerFailsTheJobAfterThreeAttempts() {
        try (ProcessBackend b = open(2, Duration.ofMinutes(1), "process.fault", "kill-always:shard=1",
                "process.shards", "3");
                Kernel<SieveInput, SieveOutput> k = b.prepare(Tasks.SIEVE, SieveInput.count(0, 10_000_000))) {
            BackendException e = assertThrows(BackendException.class, () -> k.run(SieveInput.count(0, 10_000_000)));
            String m = e.getMessage();
            assertTrue(m.contains("shard 1 of 3") && m.contains("failed 3 times"), m);
            assertEquals(3, m.split("exit code " + Worker.FAULT_EXIT_CODE, -1).length - 1, m);
            // the pool replaced the poisoned workers and still runs a job that has no shard 1
            assertEquals(1, k.run(SieveInput.count(97, 97)).count());
        }
    }

    @Test
    void aHungWorkerIsKilledAfterTheTimeoutAndItsShardRetried() {
        try (ProcessBackend b = open(2, Duration.ofSeconds(2), "process.fault", "hang-once:shard=0",
                "process.shards", "2");
                Kernel<SieveInput, SieveOutput> k = b.prepare(Tasks.SIEVE, SieveInput.count(0, 10_000_000))) {
            assertEquals(PI_10_7, k.run(SieveInput.count(0, 10_000_000)).count());
            assertEquals(1, k.events().size(), "one event expected: " + k.events());
            assertTrue(k.events().get(0).contains("hung (no progress for more than 2.0 s) and was killed"),
                    k.events().get(0));
        }
    }

    @Test
    void aSlowHealthyShardIsNeverKilledByAShortTimeout() {
        // one shard of about 6 s on the 2-core development machine against a 1 s timeout: its heartbeats keep it
        // alive; pi(10^10) = 455052511, OEIS A006880 (shared/testdata/primes/pi.csv)
        SieveInput in = SieveInput.count(0, 10_000_000_000L);
        try (ProcessBackend b = open(1, Duration.ofSeconds(1), "process.shards", "1");
                Kernel<SieveInput, SieveOutput> k = b.prepare(Tasks.SIEVE, in)) {
            long pid = b.workerPids().get(0);
            assertEquals(455_052_511, k.run(in).count());
            assertEquals(List.of(), k.events(), "a healthy worker must not be killed");
            assertEquals(List.of(pid), b.workerPids(), "the worker must still be the first one");
        }
    }

    @Test
    void aStoppedWorkerFallsSilentAndIsKilledAndItsShardRetried() throws Exception {
        SieveInput in = SieveInput.count(1_000_000_000_000L, 1_001_000_000_000L);
        try (ProcessBackend b = open(2, Duration.ofSeconds(1), "process.shards", "2");
                Kernel<SieveInput, SieveOutput> k = b.prepare(Tasks.SIEVE, in)) {
            CompletableFuture<SieveOutput> run = CompletableFuture.supplyAsync(() -> k.run(in));
            long victim = busyWorker(b, run);
            // SIGSTOP freezes the whole JVM, as a machine that swaps or a debugger would: no thread runs, no heartbeat
            assertEquals(0, new ProcessBuilder("kill", "-STOP", Long.toString(victim)).start().waitFor());
            assertEquals(36_190_991, run.get().count());
            assertTrue(k.events().stream().anyMatch(e -> e.contains("worker pid " + victim + " hung (no progress")),
                    "an event must say the stopped worker " + victim + " hung: " + k.events());
            assertTrue(!b.workerPids().contains(victim));
        }
    }

    @Test
    void garbageOnTheControlChannelIsAFramingErrorNamingTheWorker() {
        try (ProcessBackend b = open(1, Duration.ofMinutes(1), "process.fault", "garbage-once:shard=0");
                Kernel<SieveInput, SieveOutput> k = b.prepare(Tasks.SIEVE, SieveInput.count(0, 1000))) {
            long pid = b.workerPids().get(0);
            BackendException e = assertThrows(BackendException.class, () -> k.run(SieveInput.count(0, 1000)));
            assertTrue(e.getMessage().contains("framing error") && e.getMessage().contains("worker pid " + pid)
                    && e.getMessage().contains("bad magic"), e.getMessage());
            assertTrue(!b.workerPids().contains(pid), "the garbling worker must have been replaced");
        }
    }

    @Test
    void aWorkerKilledFromOutsideDuringALongSieveStillGivesTheRightCount() throws Exception {
        // [10^12, 10^12 + 10^8] holds 3618282 primes: kimwalisch/primesieve test/count_primes2.cpp
        // (shared/testdata/primes/ranges.csv)
        SieveInput in = SieveInput.count(1_000_000_000_000L, 1_000_100_000_000L);
        try (ProcessBackend b = open(2, Duration.ofMinutes(1), "process.shards", "2");
                Kernel<SieveInput, SieveOutput> k = b.prepare(Tasks.SIEVE, in)) {
            CompletableFuture<SieveOutput> run = CompletableFuture.supplyAsync(() -> k.run(in));
            long victim = busyWorker(b, run);
            assertTrue(ProcessHandle.of(victim).orElseThrow().destroyForcibly(), "kill -9 " + victim);
            assertEquals(3_618_282, run.get().count());
            assertTrue(k.events().stream().anyMatch(e -> e.contains("worker pid " + victim)),
                    "an event must name the killed worker " + victim + ": " + k.events());
            assertTrue(!b.workerPids().contains(victim));
        }
    }

    @Test
    void unknownProcessOptionsAreRejectedBeforeAnyWorkerStarts() {
        BackendOptions o = new BackendOptions(null, 0, 1, Duration.ofMinutes(1), Map.of("process.wrokers", "3"));
        InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> Backends.open("process", o));
        assertTrue(e.getMessage().startsWith("unknown backend option 'process.wrokers' for backend process"),
                e.getMessage());
        assertTrue(e.getMessage().contains("known: process.workerHeap (the workers' -Xmx"), e.getMessage());
    }

    /** Waits until a worker of {@code b} computes a shard of {@code run} and returns its pid. */
    private static long busyWorker(ProcessBackend b, CompletableFuture<?> run) throws InterruptedException {
        Set<Long> busy = b.busyWorkerPids();
        while (busy.isEmpty() && !run.isDone()) {
            Thread.sleep(5);
            busy = b.busyWorkerPids();
        }
        return busy.iterator().next();
    }
}
