package io.gpulab.cpu.forkjoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Checks the chunking of {@link Sha256ForkJoin} and its results against {@code seq} for several pool sizes. */
class Sha256ForkJoinTest {

    private static final long SEED = Long.getLong("gpulab.seed", 20261122L);

    @Test
    void chunksCoverTheBatchInOrderAndBalanceWork() {
        System.out.println("Sha256ForkJoinTest.chunksCoverTheBatchInOrderAndBalanceWork seed " + SEED);
        SplittableRandom rnd = new SplittableRandom(SEED);
        List<Sha256Input> inputs = new ArrayList<>(List.of(
                new Sha256Input.Synthetic(0, 64, 1, 0), new Sha256Input.Synthetic(1, 64, 1, 0),
                new Sha256Input.Synthetic(5, 64, 1_000_000, 0), new Sha256Input.Synthetic(1_000_003, 64, 1, 0),
                new Sha256Input.Synthetic(3000, 10_000, 1, 0), new Sha256Input.Messages(List.of())));
        for (int round = 0; round < 5; round++) {
            List<byte[]> msgs = new ArrayList<>();
            for (int i = 0, n = 1 + rnd.nextInt(3000); i < n; i++) {
                msgs.add(new byte[rnd.nextInt(20) == 0 ? rnd.nextInt(200_000) : rnd.nextInt(300)]);
            }
            inputs.add(new Sha256Input.Messages(msgs));
        }
        for (Sha256Input in : inputs) {
            for (int maxChunks : new int[] {1, 3, 12, 64}) {
                checkBounds(in, maxChunks, Sha256ForkJoin.chunkBounds(in, maxChunks));
            }
        }
    }

    /** Checks coverage and that no chunk exceeds its fair share by more than one message's work. */
    private static void checkBounds(Sha256Input in, int maxChunks, int[] b) {
        String what = in.getClass().getSimpleName() + " of " + in.count() + ", max " + maxChunks + " chunks, seed "
                + SEED;
        int chunks = b.length - 1;
        assertTrue(chunks >= 1 && chunks <= maxChunks, what + ": " + chunks + " chunks");
        assertEquals(0, b[0], what);
        assertEquals(in.count(), b[chunks], what);
        long total = 0;
        long largest = 0;
        long[] cost = new long[in.count()];
        for (int i = 0; i < in.count(); i++) {
            cost[i] = in instanceof Sha256Input.Synthetic s ? Sha256ForkJoin.messageBlocks(s.length(), s.iterations())
                    : Sha256ForkJoin.messageBlocks(((Sha256Input.Messages) in).messages().get(i).length, 1);
            total += cost[i];
            largest = Math.max(largest, cost[i]);
        }
        for (int c = 0; c < chunks; c++) {
            assertTrue(b[c] <= b[c + 1], what + ": bounds descend at chunk " + c);
            long work = 0;
            for (int i = b[c]; i < b[c + 1]; i++) {
                work += cost[i];
            }
            assertTrue(work <= total / chunks + 2 * largest, what + ": chunk " + c + " has " + work + " of "
                    + total + " blocks");
        }
        if (total / Sha256ForkJoin.MIN_CHUNK_BLOCKS >= maxChunks && in.count() >= maxChunks) {
            assertEquals(maxChunks, chunks, what + ": a large batch uses every chunk");
        }
    }

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
