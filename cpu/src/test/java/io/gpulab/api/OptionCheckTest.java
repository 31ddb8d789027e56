package io.gpulab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks the one place where backend options are refused: unknown keys, near misses, and parallelism bounds. */
class OptionCheckTest {

    private static BackendOptions extra(String key, String value) {
        return new BackendOptions(null, 0, 0, Duration.ofMinutes(1), Map.of(key, value));
    }

    private static String refusal(String backend, BackendOptions o) {
        return assertThrows(InvalidOptionException.class, () -> Backends.open(backend, o)).getMessage();
    }

    @Test
    void aNearMissOfAProcessKeySuggestsTheRealOne() {
        String m = refusal("process", extra("workerHeap", "1g"));
        assertTrue(m.startsWith("unknown backend option 'workerHeap' for backend process; did you mean "
                + "process.workerHeap?; known: process.workerHeap ("), m);
        assertTrue(m.contains("process.shards (") && m.contains("process.fault ("), m);
        assertTrue(refusal("process", extra("process.workerheep", "1g")).contains("did you mean process.workerHeap?"));
    }

    @Test
    void aKeyOnABackendWithoutOptionsSaysItTakesNone() {
        String m = refusal("seq", extra("foo", "bar"));
        assertEquals("unknown backend option 'foo' for backend seq; backend seq takes no -X options", m);
    }

    @Test
    void aKeyOfAnotherBackendNamesItsOwner() {
        String m = refusal("forkjoin", extra("process.workerHeap", "1g"));
        assertTrue(m.startsWith("unknown backend option 'process.workerHeap' for backend forkjoin (it is an option of "
                + "backend process)"), m);
    }

    @Test
    void farKeysGetNoSuggestion() {
        assertNull(OptionCheck.suggestion("colour", List.of("process.workerHeap", "process.shards")));
        assertEquals("process.shards", OptionCheck.suggestion("shards", List.of("process.workerHeap",
                "process.shards")));
        assertEquals(3, OptionCheck.distance("kitten", "sitting"));
    }

    @Test
    void threadAndWorkerCountsBeyondTheMachineAreUsageErrorsWithTheRange() {
        BackendOptions threads = new BackendOptions(null, 32768, 0, null, Map.of());
        String m = refusal("forkjoin", threads);
        assertTrue(m.startsWith("threads must be between 0 (all processors) and " + Parallelism.maxThreads()), m);
        BackendOptions workers = new BackendOptions(null, 0, Parallelism.maxWorkers() + 1, null, Map.of());
        m = refusal("process", workers);
        assertTrue(m.startsWith("workers must be between 0 (all processors) and " + Parallelism.maxWorkers()), m);
        assertTrue(m.contains("MiB per worker JVM"), m);
    }

    @Test
    void theBoundsFollowTheMachine() {
        int cpus = Runtime.getRuntime().availableProcessors();
        assertEquals(Math.min(Parallelism.MAX_THREADS, Parallelism.THREADS_PER_PROCESSOR * cpus),
                Parallelism.maxThreads());
        long byMemory = Parallelism.physicalMemory() / ((long) Parallelism.WORKER_MIB << 20);
        assertEquals(Math.max(1, Math.min(Parallelism.WORKERS_PER_PROCESSOR * cpus, byMemory)),
                Parallelism.maxWorkers());
        assertEquals(Math.min(cpus, Parallelism.maxWorkers()), BackendOptions.defaults().effectiveWorkers(),
                "the default worker count stays within the memory bound");
    }

    @Test
    void aKeyEndingInDotStarDeclaresItsWholePrefix() {
        List<String> spark = List.of("spark.master", "spark.*");
        assertTrue(OptionCheck.underPrefix("spark.task.maxFailures", spark));
        assertFalse(OptionCheck.underPrefix("sparkling", spark));
        assertFalse(OptionCheck.underPrefix("process.shards", spark));
        assertFalse(OptionCheck.underPrefix("spark.master", List.of("spark.master")));
    }
}
