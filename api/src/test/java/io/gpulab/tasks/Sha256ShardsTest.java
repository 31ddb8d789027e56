package io.gpulab.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Checks the one decomposition of a SHA-256 batch: coverage, order, balance, and the merge of its parts. */
class Sha256ShardsTest {

    private static final long SEED = Long.getLong("gpulab.seed", 20261122L);
    private static final long MIN_BLOCKS = 1024;

    @Test
    void chunksCoverTheBatchInOrderAndBalanceWork() {
        System.out.println("Sha256ShardsTest.chunksCoverTheBatchInOrderAndBalanceWork seed " + SEED);
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
                checkBounds(in, maxChunks, Sha256Shards.of(in, maxChunks, MIN_BLOCKS, Long.MAX_VALUE));
            }
        }
    }

    /** Checks coverage and that no chunk exceeds its fair share by more than one message's work. */
    private static void checkBounds(Sha256Input in, int maxChunks, Sha256Shards shards) {
        String what = in.getClass().getSimpleName() + " of " + in.count() + ", max " + maxChunks + " chunks, seed "
                + SEED;
        int chunks = shards.count();
        int[] b = new int[chunks + 1];
        for (int c = 0; c < chunks; c++) {
            b[c + 1] = shards.to(c);
        }
        assertTrue(chunks >= 1 && chunks <= maxChunks, what + ": " + chunks + " chunks");
        assertEquals(0, b[0], what);
        assertEquals(in.count(), b[chunks], what);
        long total = 0;
        long largest = 0;
        long[] cost = new long[in.count()];
        for (int i = 0; i < in.count(); i++) {
            cost[i] = in instanceof Sha256Input.Synthetic s ? Sha256Shards.messageBlocks(s.length(), s.iterations())
                    : Sha256Shards.messageBlocks(((Sha256Input.Messages) in).messages().get(i).length, 1);
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
        if (total / MIN_BLOCKS >= maxChunks && in.count() >= maxChunks) {
            assertEquals(maxChunks, chunks, what + ": a large batch uses every chunk");
        }
    }


    @Test
    void shardsAreContiguousAndCoverTheBatch() {
        List<byte[]> msgs = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            msgs.add(new byte[i % 7 == 0 ? 5000 : 40]);
        }
        List<Sha256Input> inputs = List.of(new Sha256Input.Synthetic(0, 64, 1, 0),
                new Sha256Input.Synthetic(1, 64, 1, 0), new Sha256Input.Synthetic(100_000, 64, 3, 0),
                new Sha256Input.Messages(msgs), new Sha256Input.Messages(List.of()));
        for (Sha256Input in : inputs) {
            for (int max : new int[] {1, 2, 7, 64}) {
                Sha256Shards s = Sha256Shards.of(in, max, 16, Long.MAX_VALUE);
                assertTrue(s.count() >= 1 && s.count() <= max, in + ": " + s.count() + " shards for max " + max);
                assertEquals(0, s.from(0));
                assertEquals(in.count(), s.to(s.count() - 1));
                for (int i = 1; i < s.count(); i++) {
                    assertEquals(s.to(i - 1), s.from(i));
                    assertTrue(s.from(i) <= s.to(i));
                }
            }
        }
    }

    @Test
    void maxBlocksForcesMoreShards() {
        Sha256Input in = new Sha256Input.Synthetic(1000, 64, 1, 0); // 2 blocks per message
        assertEquals(1, Sha256Shards.of(in, 1, 16, Long.MAX_VALUE).count());
        assertEquals(10, Sha256Shards.of(in, 1, 16, 200).count());
        assertEquals(2000, Sha256Shards.totalBlocks(in));
    }

    @Test
    void mergeFoldsDigestsAndAddsPartialFolds() {
        byte[] d0 = new byte[32];
        byte[] d1 = new byte[32];
        d1[5] = 9;
        Sha256Input in = new Sha256Input.Messages(List.of(new byte[1], new byte[2]));
        Sha256Merge m = new Sha256Merge(in);
        System.arraycopy(d1, 0, m.digests(), 32, 32);
        Sha256Output out = m.output();
        assertArrayEquals(Sha256Fold.fold(0, d0, d1), out.fold());
        assertArrayEquals(d1, out.digests().get(1));

        Sha256Merge syn = new Sha256Merge(new Sha256Input.Synthetic(2, 1, 1, 0));
        Sha256Fold a = new Sha256Fold();
        a.add(0, d0, 0);
        Sha256Fold b = new Sha256Fold();
        b.add(1, d1, 0);
        syn.add(b);
        syn.add(a);
        assertArrayEquals(Sha256Fold.fold(0, d0, d1), syn.output().fold());
    }
}
