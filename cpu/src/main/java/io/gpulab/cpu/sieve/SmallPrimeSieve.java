package io.gpulab.cpu.sieve;

/**
 * Crosses off the small sieving primes (below a bound the caller sets) for one {@link SegmentSieve}: each keeps 8
 * strided progressions, one per residue of the multiplier mod 30, as byte offsets into the current segment. The
 * smallest primes, which hit most often, cross one 32 KiB L1 block at a time.
 */
final class SmallPrimeSieve {

    /** The block that the tiniest primes cross at a time, so that their many hits stay in a 32 KiB L1 cache. */
    private static final int L1_BYTES = 1 << 15;

    /** The primes below this bound cross the segment one L1 block at a time. */
    private static final int TINY_BOUND = 1 << 10;

    private final int[] primes;
    private final int smallCount;
    private final int tinyCount;
    private final int[] offsets;
    private final byte[] residues;

    /** Creates the state for the sieving primes below {@code bound}. */
    SmallPrimeSieve(SievingPrimes sievingPrimes, int bound) {
        this.primes = sievingPrimes.array();
        this.smallCount = sievingPrimes.countBelow(bound);
        this.tinyCount = sievingPrimes.countBelow(TINY_BOUND);
        this.offsets = new int[8 * smallCount];
        this.residues = new byte[smallCount];
        for (int i = 0; i < smallCount; i++) {
            residues[i] = (byte) Wheel30.INDEX_OF[primes[i] % 30];
        }
    }

    /** Returns how many sieving primes this part handles; the larger ones start at this index. */
    int count() {
        return smallCount;
    }

    /**
     * Places the 8 progressions of every small prime up to sqrt at its first multiple >= max(p^2, chunk start),
     * and returns how many primes that is.
     */
    int init(long startByte, int chunkBytes, long sqrt) {
        long low = 30 * startByte;
        int small = 0;
        while (small < smallCount && primes[small] <= sqrt) {
            long p = primes[small];
            long kmin = Math.max(p, (low + p - 1) / p);
            int kmod = (int) (kmin % 30);
            for (int wi = 0; wi < 8; wi++) {
                long k = kmin + Math.floorMod(Wheel30.RESIDUES[wi] - kmod, 30);
                long offset = p * k / 30 - startByte;
                offsets[8 * small + wi] = (int) Math.min(offset, chunkBytes);
            }
            small++;
        }
        return small;
    }

    /** Crosses off the first {@code small} primes in the n bytes of the segment and moves on to the next one. */
    void crossSegment(byte[] seg, int small, int n) {
        int tiny = Math.min(small, tinyCount);
        for (int limit = L1_BYTES; limit < n; limit += L1_BYTES) {
            cross(seg, 0, tiny, limit);
        }
        cross(seg, 0, small, n);
        rebase(small, n);
    }

    /**
     * Crosses off the small primes [first, last) up to byte {@code limit}, leaving every progression at its first
     * offset at or beyond the limit. The 8 progressions of a prime always lie within one window of p bytes, so while
     * the whole window fits, one loop iteration crosses 8 multiples (as primesieve's EratSmall does); that
     * unrolling is why this method is longer than 40 lines.
     */
    private void cross(byte[] seg, int first, int last, int limit) {
        int[] offsets = this.offsets;
        byte[] bits = Wheel30.BIT;
        for (int i = first; i < last; i++) {
            int p = primes[i];
            int base = 8 * i;
            int rb = 8 * residues[i];
            int o0 = offsets[base];
            int o1 = offsets[base + 1];
            int o2 = offsets[base + 2];
            int o3 = offsets[base + 3];
            int o4 = offsets[base + 4];
            int o5 = offsets[base + 5];
            int o6 = offsets[base + 6];
            int o7 = offsets[base + 7];
            int max = Math.max(Math.max(Math.max(o0, o1), Math.max(o2, o3)), Math.max(Math.max(o4, o5),
                    Math.max(o6, o7)));
            if (max < limit) {
                byte m0 = bits[rb];
                byte m1 = bits[rb + 1];
                byte m2 = bits[rb + 2];
                byte m3 = bits[rb + 3];
                byte m4 = bits[rb + 4];
                byte m5 = bits[rb + 5];
                byte m6 = bits[rb + 6];
                byte m7 = bits[rb + 7];
                int rounds = (limit - 1 - max) / p + 1;
                for (int r = 0; r < rounds; r++) {
                    seg[o0] |= m0;
                    seg[o1] |= m1;
                    seg[o2] |= m2;
                    seg[o3] |= m3;
                    seg[o4] |= m4;
                    seg[o5] |= m5;
                    seg[o6] |= m6;
                    seg[o7] |= m7;
                    o0 += p;
                    o1 += p;
                    o2 += p;
                    o3 += p;
                    o4 += p;
                    o5 += p;
                    o6 += p;
                    o7 += p;
                }
            }
            offsets[base] = crossTail(seg, o0, p, limit, bits[rb]);
            offsets[base + 1] = crossTail(seg, o1, p, limit, bits[rb + 1]);
            offsets[base + 2] = crossTail(seg, o2, p, limit, bits[rb + 2]);
            offsets[base + 3] = crossTail(seg, o3, p, limit, bits[rb + 3]);
            offsets[base + 4] = crossTail(seg, o4, p, limit, bits[rb + 4]);
            offsets[base + 5] = crossTail(seg, o5, p, limit, bits[rb + 5]);
            offsets[base + 6] = crossTail(seg, o6, p, limit, bits[rb + 6]);
            offsets[base + 7] = crossTail(seg, o7, p, limit, bits[rb + 7]);
        }
    }

    private static int crossTail(byte[] seg, int offset, int p, int limit, byte bit) {
        int o = offset;
        for (; o < limit; o += p) {
            seg[o] |= bit;
        }
        return o;
    }

    /** Moves the progressions of the first {@code small} primes from this segment's offsets to the next one's. */
    private void rebase(int small, int n) {
        int[] offsets = this.offsets;
        for (int i = 8 * small - 1; i >= 0; i--) {
            offsets[i] -= n;
        }
    }
}
