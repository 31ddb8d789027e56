package io.gpulab.cpu.sieve;

import java.util.Arrays;

/**
 * Crosses off the medium sieving primes (from 2^15 to a few segments of bytes) for one {@link SegmentSieve}. Such a
 * prime hits a segment about 1 to 64 times, so, unlike the large primes, it needs no bucket: every segment walks all
 * medium primes in ascending order, one packed long each ({@code p / 30}, the wheel position
 * {@code ri * 8 + wi} of its next multiple and that multiple's byte offset in the current segment). The crossing loop
 * always starts at step 0 of tables rotated to the prime's wheel position, so it needs no jump into the middle of the
 * wheel (primesieve's EratMedium sorts its primes by wheel position to make that jump predictable; measured here,
 * the sorting and the scattered writes it needs were slower than the table lookups).
 */
final class MediumPrimeSieve {

    /** Per {@code rw * 8 + j}: the bit of the j-th multiple from wheel position rw on. */
    private static final byte[] ROT_BIT = new byte[512];
    /** Per {@code rw * 8 + j}: the multiplier step after the j-th multiple, to be multiplied by p / 30. */
    private static final int[] ROT_GAP = new int[512];
    /** Per {@code rw * 8 + j}: the bytes the step after the j-th multiple adds beyond the multiplied gap. */
    private static final int[] ROT_CARRY = new int[512];

    static {
        for (int rw = 0; rw < 64; rw++) {
            for (int j = 0; j < 8; j++) {
                int w = (rw + j) & 7;
                ROT_BIT[rw * 8 + j] = Wheel30.BIT[(rw & 56) + w];
                ROT_GAP[rw * 8 + j] = Wheel30.GAP[w];
                ROT_CARRY[rw * 8 + j] = Wheel30.CARRY[(rw & 56) + w];
            }
        }
    }

    private final int[] primes;
    private final int first;
    private final int end;
    /** The entries for the current segment; the crossing writes the next segment's into {@code next}. */
    private long[] current = new long[16];
    private long[] next = new long[16];
    private int size;

    /** Creates the state for the sieving primes with indexes in [first, end). */
    MediumPrimeSieve(SievingPrimes sievingPrimes, int first, int end) {
        this.primes = sievingPrimes.array();
        this.first = first;
        this.end = end;
    }

    /** Returns the index of the first sieving prime beyond this part. */
    int end() {
        return end;
    }

    /** Places every medium prime up to sqrt at its first multiple >= max(p^2, chunk start), relative to the chunk. */
    void init(long startByte, long sqrt) {
        size = 0;
        long low = 30 * startByte;
        int[] ps = primes;
        for (int i = first; i < end && ps[i] <= sqrt; i++) {
            long p = ps[i];
            long kmin = Math.max(p, (low + p - 1) / p);
            long k = kmin + Wheel30.TO_NEXT[(int) (kmin % 30)];
            // p <= sqrt(chunk end), so the offset stays below the chunk size plus p / 4 and fits an int
            int offset = (int) (p * k / 30 - startByte);
            int rw = Wheel30.INDEX_OF[(int) (p % 30)] * 8 + Wheel30.INDEX_OF[(int) (k % 30)];
            if (size == current.length) {
                current = Arrays.copyOf(current, 2 * size);
            }
            // p / 30 < 2^16 for a medium prime, so it fits the top 24 bits
            current[size++] = p / 30 << 40 | (long) rw << 32 | offset;
        }
        if (next.length < current.length) {
            next = new long[current.length];
        }
    }

    /**
     * Crosses off the n bytes of the segment and moves every prime on to the next segment. One loop iteration crosses
     * 8 multiples, checking the segment end before each (as primesieve's EratMedium does); that unrolling is why this
     * method is longer than 40 lines.
     */
    void cross(byte[] seg, int n) {
        long[] in = current;
        long[] out = next;
        byte[] rbit = ROT_BIT;
        int[] rgap = ROT_GAP;
        int[] rcarry = ROT_CARRY;
        for (int j = 0; j < size; j++) {
            long e = in[j];
            int q = (int) (e >>> 40);
            int rw = (int) (e >>> 32) & 63;
            int o = (int) e;
            int t = rw << 3;
            int stop;
            for (;;) {
                if (o >= n) {
                    stop = 0;
                    break;
                }
                seg[o] |= rbit[t];
                o += q * rgap[t] + rcarry[t];
                if (o >= n) {
                    stop = 1;
                    break;
                }
                seg[o] |= rbit[t + 1];
                o += q * rgap[t + 1] + rcarry[t + 1];
                if (o >= n) {
                    stop = 2;
                    break;
                }
                seg[o] |= rbit[t + 2];
                o += q * rgap[t + 2] + rcarry[t + 2];
                if (o >= n) {
                    stop = 3;
                    break;
                }
                seg[o] |= rbit[t + 3];
                o += q * rgap[t + 3] + rcarry[t + 3];
                if (o >= n) {
                    stop = 4;
                    break;
                }
                seg[o] |= rbit[t + 4];
                o += q * rgap[t + 4] + rcarry[t + 4];
                if (o >= n) {
                    stop = 5;
                    break;
                }
                seg[o] |= rbit[t + 5];
                o += q * rgap[t + 5] + rcarry[t + 5];
                if (o >= n) {
                    stop = 6;
                    break;
                }
                seg[o] |= rbit[t + 6];
                o += q * rgap[t + 6] + rcarry[t + 6];
                if (o >= n) {
                    stop = 7;
                    break;
                }
                seg[o] |= rbit[t + 7];
                o += q * rgap[t + 7] + rcarry[t + 7];
            }
            int nrw = (rw & 56) | ((rw + stop) & 7);
            out[j] = (e & 0xFFFFFF0000000000L) | (long) nrw << 32 | (o - n);
        }
        current = out;
        next = in;
    }
}
