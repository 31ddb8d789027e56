package io.gpulab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.BackendException;
import io.gpulab.api.Kernel;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveOutput;
import io.gpulab.tasks.Tasks;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.SparkStageInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Faults on a real local cluster: a shard that fails deterministically is reported with its shard and its
 * executor's error and not retried; an executor killed mid-job is replaced and its shard re-run, with the right
 * count; and closing the backend leaves no process behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkFaultTest {

    /**
     * The primes in [10^12, 10^12 + 10^10] (primesieve 11.0: {@code primesieve 1000000000000 1010000000000 -c}):
     * a range whose shards run for about a second each on one core, so that the job is still running when an executor
     * is killed (a 10^9 range ended within the polling on a fast host).
     */
    private static final long PRIMES_1E12_1E10 = 361_840_208;

    private SparkBackend backend;

    @BeforeAll
    void open() {
        backend = LocalClusters.open(Map.of("spark.master", "local-cluster[2,1,1024]", "spark.inner", "failing-inner",
                "spark.shards", "4", "spark.task.maxFailures", "4"));
    }

    @AfterAll
    void close() throws InterruptedException {
        backend.close();
        LocalClusters.assertNoProcessLeft();
    }

    @Test
    void aShardWithBadInputIsReportedWithItsShardAndExecutorError() {
        SieveInput in = SieveInput.count(0, 4_000_000);
        try (Kernel<SieveInput, SieveOutput> k = backend.prepare(Tasks.SIEVE, in)) {
            BackendException e = assertThrows(BackendException.class, () -> k.run(in));
            String m = e.getMessage();
            assertTrue(m.startsWith("spark sieve shard 0 [0, 1000000] failed on 127.0.0.1 executor "), m);
            assertTrue(m.endsWith("bad range [0, 1000000] holds 777"), m);
        }
    }

    @Test
    void anExecutorKilledMidJobIsReplacedAndItsShardRunAgain() throws Exception {
        SieveInput in = SieveInput.count(1_000_000_000_000L, 1_010_000_000_000L);
        List<ProcessHandle> executors = LocalClusters.executors();
        assertEquals(2, executors.size(), "executor JVMs of the local cluster: " + executors.stream()
                .map(p -> p.pid() + " " + p.info()).toList());
        try (Kernel<SieveInput, SieveOutput> k = backend.prepare(Tasks.SIEVE, in)) {
            CompletableFuture<SieveOutput> job = CompletableFuture.supplyAsync(() -> k.run(in));
            while (runningTasks() < 2 && !job.isDone()) {
                Thread.sleep(20);
            }
            assertFalse(job.isDone(), () -> "the job ended before an executor could be killed: " + outcome(job));
            assertTrue(executors.get(0).destroyForcibly());
            assertEquals(PRIMES_1E12_1E10, job.get().count());
            assertTrue(k.events().stream().anyMatch(e -> e.contains(", attempt 2")), String.join("\n", k.events()));
        }
    }

    /** Returns what an ended job gave: its count, or its failure with the causes' messages. */
    private static String outcome(CompletableFuture<SieveOutput> job) {
        return job.handle((out, e) -> {
            if (e == null) {
                return "count " + out.count();
            }
            StringBuilder b = new StringBuilder("failed:");
            for (Throwable t = e; t != null; t = t.getCause()) {
                b.append(' ').append(t);
            }
            return b.toString();
        }).join();
    }

    private int runningTasks() {
        int n = 0;
        for (int id : backend.context().statusTracker().getActiveStageIds()) {
            SparkStageInfo s = backend.context().statusTracker().getStageInfo(id);
            n += s == null ? 0 : s.numActiveTasks();
        }
        return n;
    }
}
