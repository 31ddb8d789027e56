package io.gpulab.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gpulab.cpu.seq.Sha256Seq;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks that a shard of a synthetic batch, as {@link Sha256Shards#input} gives it (started at its first index),
 * folds exactly as its messages do in the whole batch: against digests built from the rule alone
 * ({@link SyntheticDigests}), and shard folds adding up to the batch's on {@code seq}.
 */
class Sha256ShardInputTest {

    @Test
    void theShardsOfASyntheticBatchFoldAsTheirMessagesDoInTheWholeBatch() throws Exception {
        for (Sha256Input.Synthetic whole : List.of(new Sha256Input.Synthetic(1000, 64, 1, 5),
                new Sha256Input.Synthetic(777, 200, 3, -9), new Sha256Input.Synthetic(301, 0, 1, Long.MAX_VALUE))) {
            byte[][] all = SyntheticDigests.of(whole);
            Sha256Shards plan = Sha256Shards.of(whole, 7, 1, Long.MAX_VALUE);
            assertEquals(7, plan.count());
            long[] sum = new long[4];
            for (int i = 0; i < plan.count(); i++) {
                Sha256Input.Synthetic shard = (Sha256Input.Synthetic) plan.input(whole, i);
                assertEquals(plan.from(i), shard.first());
                byte[][] mine = Arrays.copyOfRange(all, plan.from(i), plan.to(i));
                assertArrayEquals(mine, SyntheticDigests.of(shard), "shard " + i + " messages of " + whole);
                byte[] fold = new Sha256Seq().run(shard).fold();
                assertArrayEquals(Sha256Fold.fold(plan.from(i), mine), fold, "shard " + i + " of " + whole);
                ByteBuffer b = ByteBuffer.wrap(fold);
                for (int lane = 0; lane < 4; lane++) {
                    sum[lane] += b.getLong(8 * lane);
                }
            }
            Sha256Fold total = new Sha256Fold();
            total.addLanes(sum[0], sum[1], sum[2], sum[3]);
            assertArrayEquals(Sha256Fold.fold(0, all), total.toBytes(), "shards' folds of " + whole);
            assertArrayEquals(new Sha256Seq().run(whole).fold(), total.toBytes(), "seq on " + whole);
        }
    }

    @Test
    void aShardOfGivenMessagesIsItsSlice() {
        List<byte[]> msgs = List.of(new byte[] {1}, new byte[] {2}, new byte[] {3});
        Sha256Input.Messages whole = new Sha256Input.Messages(msgs);
        Sha256Shards plan = Sha256Shards.of(whole, 3, 1, Long.MAX_VALUE);
        assertEquals(List.of(msgs.get(1)), ((Sha256Input.Messages) plan.input(whole, 1)).messages());
    }

    @Test
    void refusesAFirstIndexBelowZeroAndAPlanOfAnotherBatch() {
        assertThrows(IllegalArgumentException.class, () -> new Sha256Input.Synthetic(1, 1, 1, 0, -1));
        Sha256Shards plan = Sha256Shards.of(new Sha256Input.Synthetic(10, 1, 1, 0), 2, 1, Long.MAX_VALUE);
        assertThrows(IllegalArgumentException.class, () -> plan.input(new Sha256Input.Synthetic(11, 1, 1, 0), 0));
    }
}
