package io.gpulab.cpu.sieve;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Pre-sieves the multiples of the primes 7 to 101 by copying periodic patterns instead of crossing them off: on the
 * mod-30 wheel the multiples of p repeat every p bytes, so a pattern for a group of primes repeats every product of
 * the group. These primes would cost about 40% of all crossing-off work below 10^10; one copy and two passes that
 * OR 4 patterns into the segment a long at a time cost far less (the primesieve idea, with other groups).
 */
final class PreSieve {

    /** The first group is copied; the others are ORed, 4 per pass; each group's product stays below 2^19. */
    private static final int[][] GROUPS = {
        {7, 11, 13, 17, 19},
        {23, 29, 31}, {37, 41, 43}, {47, 53}, {59, 61},
        {67, 71}, {73, 79}, {83, 89}, {97, 101},
    };

    /** The smallest prime not covered by the patterns, which is the first sieving prime. */
    static final int FIRST_SIEVING_PRIME = 103;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int[] PERIODS = new int[GROUPS.length];
    private static final byte[][] PATTERNS = new byte[GROUPS.length][];

    static {
        for (int g = 0; g < GROUPS.length; g++) {
            int period = 1;
            for (int p : GROUPS[g]) {
                period *= p;
            }
            PERIODS[g] = period;
            // one segment (and a long) longer than the period, so that every read is contiguous
            PATTERNS[g] = build(GROUPS[g], period + SegmentSieve.SEGMENT_BYTES + Long.BYTES);
        }
    }

    private PreSieve() {
    }

    /**
     * Writes the pattern for the n bytes starting at absolute byte {@code absByte} into {@code segment}, which must
     * have room for n rounded up to a whole long; the bytes past n get garbage.
     */
    static void fill(byte[] segment, long absByte, int n) {
        System.arraycopy(PATTERNS[0], (int) (absByte % PERIODS[0]), segment, 0, n);
        for (int g = 1; g < GROUPS.length; g += 4) {
            orFour(segment, absByte, n, g);
        }
    }

    private static void orFour(byte[] segment, long absByte, int n, int g) {
        byte[] a = PATTERNS[g];
        byte[] b = PATTERNS[g + 1];
        byte[] c = PATTERNS[g + 2];
        byte[] d = PATTERNS[g + 3];
        int sa = (int) (absByte % PERIODS[g]);
        int sb = (int) (absByte % PERIODS[g + 1]);
        int sc = (int) (absByte % PERIODS[g + 2]);
        int sd = (int) (absByte % PERIODS[g + 3]);
        for (int i = 0; i < n; i += 8) {
            long w = (long) LONGS.get(segment, i) | (long) LONGS.get(a, sa + i) | (long) LONGS.get(b, sb + i)
                    | (long) LONGS.get(c, sc + i) | (long) LONGS.get(d, sd + i);
            LONGS.set(segment, i, w);
        }
    }

    private static byte[] build(int[] primes, int length) {
        byte[] pattern = new byte[length];
        for (int p : primes) {
            for (int b = 0; b < p; b++) {
                for (int i = 0; i < 8; i++) {
                    if ((30 * b + Wheel30.RESIDUES[i]) % p == 0) {
                        for (int at = b; at < length; at += p) {
                            pattern[at] |= (byte) (1 << i);
                        }
                    }
                }
            }
        }
        return pattern;
    }
}
