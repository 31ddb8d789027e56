package io.gpulab.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Sha256ShardsTest {

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
