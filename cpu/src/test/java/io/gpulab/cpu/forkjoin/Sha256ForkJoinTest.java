package io.gpulab.cpu.forkjoin;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.BackendException;
import io.gpulab.api.Verdict;
import io.gpulab.cpu.seq.Sha256Seq;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import io.gpulab.tasks.Tasks;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the results of {@link Sha256ForkJoin} against {@code seq} for several pool sizes (the shards themselves:
 * Sha256ShardsTest).
 */
class Sha256ForkJoinTest {

    private static final long SEED = Long.getLong("gpulab.seed", 20261122L);

    @ParameterizedTest(name = "pool of {0}")
    @ValueSource(ints = {1, 2, 3, 5})
    void matchesSeqForEveryPoolSize(int threads) {
        System.out.println("Sha256ForkJoinTest.matchesSeqForEveryPoolSize seed " + SEED);
        SplittableRandom rnd = new SplittableRandom(SEED);
        List<byte[]> skewed = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            byte[] m = new byte[i == 7 ? 3_000_000 : rnd.nextInt(130)];
            rnd.nextBytes(m);
            skewed.add(m);
        }
        List<Sha256Input> inputs = List.of(new Sha256Input.Synthetic(50_001, 64, 1, 3),
                new Sha256Input.Synthetic(7001, 119, 3, -77), new Sha256Input.Synthetic(2, 56, 2000, 8),
                new Sha256Input.Messages(skewed));
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            Sha256ForkJoin kernel = new Sha256ForkJoin(pool);
            Sha256Seq seq = new Sha256Seq();
            for (Sha256Input in : inputs) {
                Sha256Output expected = seq.run(in);
                for (int run = 0; run < 2; run++) {
                    Verdict v = Tasks.SHA256.compare(expected, kernel.run(in));
                    assertTrue(v.ok(), in.getClass().getSimpleName() + " of " + in.count() + " on a pool of " + threads
                            + ", run " + run + ", seed " + SEED + ": " + v.mismatches() + " mismatch(es), first: "
                            + v.firstMismatch());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closedPoolIsABackendError() {
        ForkJoinPool pool = new ForkJoinPool(2);
        Sha256ForkJoin kernel = new Sha256ForkJoin(pool);
        pool.shutdownNow();
        assertThrows(BackendException.class, () -> kernel.run(new Sha256Input.Synthetic(10, 64, 1, 0)));
    }
}
