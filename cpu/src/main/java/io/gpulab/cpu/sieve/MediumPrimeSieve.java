package io.gpulab.cpu.sieve;

import java.util.Arrays;

/**
 * Crosses off the medium sieving primes (from one segment of bytes to a few segments) for one {@link SegmentSieve}.
 * Such a prime hits a segment only a handful of times, so per-prime setup and the unpredictable exit of its crossing
 * loop dominate. As in primesieve's EratMedium, the primes are kept in 64 lists, one per pair of prime residue and
 * multiplier position on the wheel: every prime of a list then starts its crossing at the same wheel position, so
 * the loop needs no table lookups (its 8 steps and bits are loaded once per list), and after a segment each prime
 * moves to the list of the position where it stopped. An entry packs {@code p / 30} and the byte offset of its next
 * multiple, relative to the current segment, into one long.
 */
final class MediumPrimeSieve {

    private static final int LISTS = 64;
    private static final int INITIAL_CAPACITY = 16;

    private final int[] primes;
    private final int first;
    private final int end;
    private long[][] current = new long[LISTS][];
    private int[] currentSizes = new int[LISTS];
    private long[][] next = new long[LISTS][];
    private int[] nextSizes = new int[LISTS];

    /** Creates the lists for the sieving primes with indexes in [first, end). */
    MediumPrimeSieve(SievingPrimes sievingPrimes, int first, int end) {
        this.primes = sievingPrimes.array();
        this.first = first;
        this.end = end;
        for (int i = 0; i < LISTS; i++) {
            current[i] = new long[INITIAL_CAPACITY];
            next[i] = new long[INITIAL_CAPACITY];
        }
    }

    /** Returns the index of the first sieving prime beyond this part. */
    int end() {
        return end;
    }

    /** Places every medium prime up to sqrt at its first multiple >= max(p^2, chunk start), relative to the chunk. */
    void init(long startByte, long sqrt) {
        Arrays.fill(nextSizes, 0);
        long low = 30 * startByte;
        int[] ps = primes;
        for (int i = first; i < end && ps[i] <= sqrt; i++) {
            long p = ps[i];
            long kmin = Math.max(p, (low + p - 1) / p);
            long k = kmin + Wheel30.TO_NEXT[(int) (kmin % 30)];
            // p <= sqrt(chunk end), so the offset stays below the chunk size plus p / 5 and fits an int
            int offset = (int) (p * k / 30 - startByte);
            int rw = Wheel30.INDEX_OF[(int) (p % 30)] * 8 + Wheel30.INDEX_OF[(int) (k % 30)];
            push(rw, p / 30 << 32 | offset);
        }
    }

    /** Crosses off the n bytes of the segment and moves every prime on to the next segment. */
    void cross(byte[] seg, int n) {
        long[][] lists = next;
        int[] sizes = nextSizes;
        next = current;
        nextSizes = currentSizes;
        current = lists;
        currentSizes = sizes;
        Arrays.fill(nextSizes, 0);
        for (int rw = 0; rw < LISTS; rw++) {
            if (sizes[rw] > 0) {
                crossList(seg, n, rw, lists[rw], sizes[rw]);
            }
        }
    }

    /**
     * Crosses off the primes of one list, whose multipliers all sit at wheel position {@code rw & 7}: the 8 bits and
     * steps from there on are rotated into locals, so one loop iteration crosses 8 multiples with no table lookup,
     * checking the segment end before each. That unrolling is why this method is longer than 40 lines.
     */
    private void crossList(byte[] seg, int n, int rw, long[] list, int size) {
        int rb = rw & 56;
        int wi = rw & 7;
        byte[] bits = Wheel30.BIT;
        int[] gap = Wheel30.GAP;
        int[] carry = Wheel30.CARRY;
        int w0 = wi;
        int w1 = (wi + 1) & 7;
        int w2 = (wi + 2) & 7;
        int w3 = (wi + 3) & 7;
        int w4 = (wi + 4) & 7;
        int w5 = (wi + 5) & 7;
        int w6 = (wi + 6) & 7;
        int w7 = (wi + 7) & 7;
        byte m0 = bits[rb + w0];
        byte m1 = bits[rb + w1];
        byte m2 = bits[rb + w2];
        byte m3 = bits[rb + w3];
        byte m4 = bits[rb + w4];
        byte m5 = bits[rb + w5];
        byte m6 = bits[rb + w6];
        byte m7 = bits[rb + w7];
        int g0 = gap[w0];
        int g1 = gap[w1];
        int g2 = gap[w2];
        int g3 = gap[w3];
        int g4 = gap[w4];
        int g5 = gap[w5];
        int g6 = gap[w6];
        int g7 = gap[w7];
        int c0 = carry[rb + w0];
        int c1 = carry[rb + w1];
        int c2 = carry[rb + w2];
        int c3 = carry[rb + w3];
        int c4 = carry[rb + w4];
        int c5 = carry[rb + w5];
        int c6 = carry[rb + w6];
        int c7 = carry[rb + w7];
        for (int j = 0; j < size; j++) {
            long e = list[j];
            int q = (int) (e >>> 32);
            int o = (int) e;
            int stop;
            for (;;) {
                if (o >= n) {
                    stop = 0;
                    break;
                }
                seg[o] |= m0;
                o += q * g0 + c0;
                if (o >= n) {
                    stop = 1;
                    break;
                }
                seg[o] |= m1;
                o += q * g1 + c1;
                if (o >= n) {
                    stop = 2;
                    break;
                }
                seg[o] |= m2;
                o += q * g2 + c2;
                if (o >= n) {
                    stop = 3;
                    break;
                }
                seg[o] |= m3;
                o += q * g3 + c3;
                if (o >= n) {
                    stop = 4;
                    break;
                }
                seg[o] |= m4;
                o += q * g4 + c4;
                if (o >= n) {
                    stop = 5;
                    break;
                }
                seg[o] |= m5;
                o += q * g5 + c5;
                if (o >= n) {
                    stop = 6;
                    break;
                }
                seg[o] |= m6;
                o += q * g6 + c6;
                if (o >= n) {
                    stop = 7;
                    break;
                }
                seg[o] |= m7;
                o += q * g7 + c7;
            }
            push(rb + ((wi + stop) & 7), (e & 0xFFFFFFFF00000000L) | (o - n));
        }
    }

    private void push(int rw, long entry) {
        long[] list = next[rw];
        int size = nextSizes[rw];
        if (size == list.length) {
            list = Arrays.copyOf(list, 2 * size);
            next[rw] = list;
        }
        list[size] = entry;
        nextSizes[rw] = size + 1;
    }
}
