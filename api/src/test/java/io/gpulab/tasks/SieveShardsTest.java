package io.gpulab.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the one decomposition of a sieve range: coverage, boundaries, and the in-order merge of listings. */
class SieveShardsTest {

    @Test
    void shardsCoverTheRangeOnSpanBoundaries() {
        long[][] ranges = {{0, 0}, {0, 1}, {5, 5}, {0, 999}, {1, 1000}, {999, 1001}, {7, 123_456}, {1L << 40,
            (1L << 40) + 77_777}};
        for (long[] r : ranges) {
            for (long target : new long[] {1, 3, 8, 1000}) {
                SieveShards s = SieveShards.of(SieveInput.count(r[0], r[1]), target, 30, 4);
                long next = r[0];
                for (long i = 0; i < s.count(); i++) {
                    assertEquals(next, s.from(i), "shard " + i + " of " + s);
                    assertTrue(s.to(i) >= s.from(i), "shard " + i + " of " + s + " is empty");
                    if (i < s.count() - 1) {
                        assertEquals(0, (s.to(i) + 1) % s.span(), "boundary after shard " + i + " of " + s);
                    }
                    next = s.to(i) + 1;
                }
                assertEquals(r[1] + 1, next, "shards of " + s + " end at the range end");
                assertEquals(0, s.span() % 30, "span of " + s);
                assertTrue(s.span() <= 4 * 30, "span of " + s + " above 4 units");
            }
        }
    }

    @Test
    void evenlyCutsFromTheRangeStart() {
        SieveShards s = SieveShards.evenly(SieveInput.count(10, 109), 4);
        assertEquals(4, s.count());
        assertEquals(10, s.from(0));
        assertEquals(34, s.to(0));
        assertEquals(35, s.from(1));
        assertEquals(109, s.to(3));
        assertEquals(1, SieveShards.evenly(SieveInput.count(5, 5), 8).count());
    }

    @Test
    void anEmptyRangeHasNoShards() {
        assertEquals(0, SieveShards.of(SieveInput.count(10, 9), 4, 1, 1).count());
        assertEquals(new SieveOutput(0), new SieveMerge(SieveShards.ofSpan(SieveInput.count(10, 9), 8),
                SieveInput.count(10, 9)).output());
    }

    @Test
    void listingMergesShardsInOrderAndChecksTheirCounts() {
        List<Long> seen = new ArrayList<>();
        SieveInput in = new SieveInput(0, 30, seen::add);
        SieveShards s = SieveShards.ofSpan(in, 16);
        SieveMerge m = new SieveMerge(s, in);
        assertTrue(m.listing());
        assertThrows(IllegalStateException.class, () -> m.list(1, 0, sink -> 0));
        m.list(0, 6, sink -> SieveMerge.emitBitmap(0, new byte[] {(byte) 0xAC, 0x28}, 2, sink));
        assertThrows(IllegalStateException.class, () -> m.list(1, 5, sink -> 0));
        m.list(1, 5, sink -> SieveMerge.emitBitmap(16, new byte[] {(byte) 0x8A, (byte) 0xA0}, 2, sink));
        assertEquals(List.of(2L, 3L, 5L, 7L, 11L, 13L, 17L, 19L, 23L, 29L, 31L), seen);
        assertEquals(11, m.output().count());
    }
}
