package io.gpulab.cpu.seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.cpu.sieve.SegmentSieve;
import io.gpulab.cpu.sieve.SievingPrimes;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveTask;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks {@link SieveSeq} on edge cases and seeded random ranges against {@link ReferenceSieve}. */
class SieveSeqEdgeTest {

    private static final long SEED = Long.getLong("gpulab.seed", System.nanoTime());

    /** The numbers one chunk covers; chunk ends are where the sieving state is set up afresh. */
    private static final long CHUNK = SegmentSieve.SEGMENT_NUMBERS * SegmentSieve.MAX_CHUNK_SEGMENTS;

    static Stream<Arguments> edges() {
        List<long[]> r = new ArrayList<>(List.of(
                new long[] {0, 0}, new long[] {0, 1}, new long[] {0, 2}, new long[] {1, 1}, new long[] {2, 2},
                new long[] {3, 3}, new long[] {0, 6}, new long[] {5, 7}, new long[] {7, 7}, new long[] {0, 30},
                new long[] {29, 31}, new long[] {31, 31}, new long[] {0, 119}, new long[] {113, 127},
                new long[] {119, 121}, new long[] {120, 120}, new long[] {101, 103}, new long[] {0, 10_000},
                new long[] {(1L << 31) - 1, (1L << 31) - 1}, new long[] {(1L << 31) - 100, (1L << 31) + 100},
                new long[] {(1L << 32) - 100, 1L << 32}, new long[] {1L << 32, (1L << 32) + 100},
                new long[] {999_999_000_000L, 1_000_000_002_000L}));
        for (int k = 1; k <= 46; k++) {
            r.add(new long[] {(1L << k) - 1, (1L << k) + 1});
        }
        // segment and chunk boundaries of this sieve, +- 1, also far from 0 where every prime is a "large" one
        for (long unit : new long[] {SegmentSieve.SEGMENT_NUMBERS, CHUNK}) {
            for (long base : new long[] {unit, 2 * unit, 3 * unit, 100_000_000_000L / unit * unit}) {
                r.add(new long[] {base - 1, base});
                r.add(new long[] {base, base + 1});
                r.add(new long[] {base - 1000, base + 1000});
                r.add(new long[] {base + 1, base + 1});
            }
        }
        r.add(new long[] {SegmentSieve.SEGMENT_NUMBERS - 3000, 2 * SegmentSieve.SEGMENT_NUMBERS + 3000});
        return r.stream().map(x -> Arguments.of(x[0], x[1]));
    }

    /** Checks count and listing on every edge range against the plain reference sieve. */
    @ParameterizedTest(name = "[{0}, {1}]")
    @MethodSource("edges")
    void matchesReferenceOnEdges(long from, long to) {
        assertListing(from, to, ReferenceSieve.primes(from, to));
    }

    /** Checks seeded random ranges of random magnitude and length; the seed is printed to replay a failure. */
    @Test
    void matchesReferenceOnRandomRanges() {
        System.out.println("SieveSeqEdgeTest seed: " + SEED + " (replay with -Dgpulab.seed=" + SEED + ")");
        SplittableRandom rnd = new SplittableRandom(SEED);
        for (int i = 0; i < 40; i++) {
            long from = (long) Math.pow(10, rnd.nextDouble() * 13);
            long to = from + (long) Math.pow(10, rnd.nextDouble() * 6.5) - 1;
            assertListing(from, to, ReferenceSieve.primes(from, to));
        }
        for (int i = 0; i < 4; i++) {
            long to = SieveTask.MAX_TO - rnd.nextLong((long) 1e17);
            long from = to - rnd.nextInt(3000);
            assertEquals(ReferenceSieve.countByPrimalityTest(from, to), SieveSeq.count(from, to, null),
                    "[" + from + ", " + to + "] seed " + SEED);
        }
    }

    /** Checks that the largest supported end works, up to the last number, and that one more is refused. */
    @Test
    void acceptsMaxToAndRejectsAbove() {
        long to = SieveTask.MAX_TO;
        assertEquals(ReferenceSieve.countByPrimalityTest(to - 2000, to), new SieveSeq().run(
                SieveInput.count(to - 2000, to)).count());
        assertEquals(0, SieveSeq.count(to, to, null), "10^18 is not prime");
        assertThrows(IllegalArgumentException.class, () -> SieveInput.count(0, to + 1));
        assertThrows(IllegalArgumentException.class, () -> SieveSeq.count(0, to + 1, null));
        assertThrows(IllegalArgumentException.class, () -> SieveSeq.count(-1, 10, null));
    }

    /** Checks that from > to is the empty range rather than an error, at any height. */
    @Test
    void emptyWhenFromExceedsTo() {
        assertEquals(0, SieveSeq.count(10, 9, null));
        assertEquals(0, SieveSeq.count(1_000_003, 1_000_002, null));
        assertEquals(0, SieveSeq.count(SieveTask.MAX_TO, SieveTask.MAX_TO - 1, p -> {
            throw new AssertionError("listed " + p);
        }));
    }

    /** Checks that the listing of a range spanning several segments is sorted, complete and matches its count. */
    @Test
    void listingMatchesCountAndIsAscending() {
        long from = 123_456_789_000L;
        long to = from + 3 * SegmentSieve.SEGMENT_NUMBERS;
        long[] listed = list(from, to);
        for (int i = 1; i < listed.length; i++) {
            assertTrue(listed[i - 1] < listed[i], "not ascending at " + i + ": " + listed[i - 1]);
        }
        assertEquals(SieveSeq.count(from, to, null), listed.length);
        assertEquals(SieveSeq.count(from, from + 20_000_000, null) + SieveSeq.count(from + 20_000_001, to, null),
                listed.length, "split ranges add up");
    }

    /** Checks SievingPrimes.oddUpTo, the plain-array table the GPU backends upload, against the reference. */
    @Test
    void oddSievingPrimesMatchReference() {
        for (long limit : new long[] {0, 1, 2, 3, 100, 113, 120, 65_535, 65_536, 1_000_000}) {
            long[] expected = Arrays.stream(ReferenceSieve.primes(0, limit)).filter(p -> p != 2).toArray();
            assertArrayEquals(expected, Arrays.stream(SievingPrimes.oddUpTo(limit)).asLongStream().toArray(),
                    "odd primes up to " + limit);
        }
    }

    /** Checks isqrt against BigInteger.sqrt at perfect squares, their neighbours and the top of the long range. */
    @Test
    void isqrtIsExact() {
        long[] roots = {0, 1, 2, 3, 31_622, 31_623, 1_000_000_000L, 3_037_000_499L};
        for (long r : roots) {
            for (long d = -1; d <= 1; d++) {
                long n = r * r + d;
                if (n >= 0) {
                    assertEquals(BigInteger.valueOf(n).sqrt().longValueExact(), SieveSeq.isqrt(n), "isqrt(" + n + ")");
                }
            }
        }
        for (long n : new long[] {SieveTask.MAX_TO, SieveTask.MAX_TO + 1, Long.MAX_VALUE, Long.MAX_VALUE - 1}) {
            assertEquals(BigInteger.valueOf(n).sqrt().longValueExact(), SieveSeq.isqrt(n), "isqrt(" + n + ")");
        }
    }

    private static void assertListing(long from, long to, long[] expected) {
        long[] listed = list(from, to);
        assertArrayEquals(expected, listed, "listing of [" + from + ", " + to + "]");
        assertEquals(expected.length, SieveSeq.count(from, to, null), "count of [" + from + ", " + to + "]");
    }

    private static long[] list(long from, long to) {
        long[][] buf = {new long[1024]};
        int[] n = {0};
        long count = SieveSeq.count(from, to, p -> {
            if (n[0] == buf[0].length) {
                buf[0] = Arrays.copyOf(buf[0], 2 * n[0]);
            }
            buf[0][n[0]++] = p;
        });
        assertEquals(n[0], count, "returned count equals primes listed for [" + from + ", " + to + "]");
        return Arrays.copyOf(buf[0], n[0]);
    }
}
