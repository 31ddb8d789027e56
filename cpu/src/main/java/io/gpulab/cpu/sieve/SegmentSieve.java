package io.gpulab.cpu.sieve;

import io.gpulab.tasks.PrimeSink;
import io.gpulab.tasks.SieveTask;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Sieves any sub-range of [0, 10^18] with one cache-sized segment buffer; one instance per thread, not thread-safe.
 *
 * <p>A range is cut into chunks of at most {@link #MAX_CHUNK_SEGMENTS} segments of {@link #SEGMENT_BYTES} bytes
 * (30 numbers a byte on the mod-30 wheel). Each chunk sets up the crossing-off state of its sieving primes once:
 * primes below the segment size keep 8 strided progressions (one per residue of the multiplier), larger primes hit
 * a segment at most a few times and wait in the bucket of the segment holding their next multiple, so a segment
 * only touches the large primes that actually hit it.
 */
public final class SegmentSieve {

    /** The log2 of the segment size in bytes. */
    static final int SEGMENT_SHIFT = 18;

    /** The segment size in bytes: 256 KiB (7.9 million numbers), half a 512 KiB L2; measured faster than 32-128 KiB. */
    public static final int SEGMENT_BYTES = 1 << SEGMENT_SHIFT;

    /** The numbers one segment covers. */
    public static final long SEGMENT_NUMBERS = 30L * SEGMENT_BYTES;

    /** The largest chunk, in segments; bounds the bucket memory and keeps chunk offsets in an int. */
    public static final int MAX_CHUNK_SEGMENTS = 128;

    private static final int SEGMENT_MASK = SEGMENT_BYTES - 1;
    /** The block that the tiniest primes cross at a time, so that their many hits stay in a 32 KiB L1 cache. */
    private static final int L1_BYTES = 1 << 15;

    /** The primes below this bound cross the segment one L1 block at a time. */
    private static final int TINY_BOUND = 1 << 10;

    private static final int BUCKET_BLOCK = 1024;
    /** The primes below {@link #SIEVE_START}, which the pre-sieve patterns mark as composite, so they are listed. */
    private static final int[] PRIMES_BELOW_START = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59,
        61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113};

    /** The first number the segments sieve: a multiple of 30 above every pre-sieved prime. */
    private static final long SIEVE_START = 120;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final SievingPrimes sievingPrimes;
    private final int[] primes;
    private final int smallCount;
    private final int tinyCount;
    private final byte[] segment = new byte[SEGMENT_BYTES + Long.BYTES];
    private final int[] smallOffsets;
    private final byte[] smallResidues;
    private final long[][] buckets = new long[MAX_CHUNK_SEGMENTS][];
    private final int[] bucketSizes = new int[MAX_CHUNK_SEGMENTS];
    private final ArrayDeque<long[]> spareBuckets = new ArrayDeque<>();

    /** Creates a sieve that can sieve any range ending at or below {@code primes.limit()} squared. */
    public SegmentSieve(SievingPrimes primes) {
        this.sievingPrimes = primes;
        this.primes = primes.array();
        this.smallCount = primes.countBelow(SEGMENT_BYTES);
        this.tinyCount = primes.countBelow(TINY_BOUND);
        this.smallOffsets = new int[8 * smallCount];
        this.smallResidues = new byte[smallCount];
        for (int i = 0; i < smallCount; i++) {
            smallResidues[i] = (byte) Wheel30.INDEX_OF[this.primes[i] % 30];
        }
    }

    /** Counts the primes p with {@code from <= p <= to}; from > to is the empty range. */
    public long count(long from, long to) {
        return sieve(from, to, null);
    }

    /** Counts the primes of [from, to] and passes each to the sink (if not null) in ascending order. */
    public long sieve(long from, long to, PrimeSink sink) {
        if (from < 0 || to > SieveTask.MAX_TO) {
            throw new IllegalArgumentException("sieve range [" + from + ", " + to + "] is outside [0, "
                    + SieveTask.MAX_TO + "]");
        }
        if (from > to || to < 2) {
            return 0;
        }
        if (SievingPrimes.isqrt(to) > sievingPrimes.limit()) {
            throw new IllegalArgumentException("sieving primes up to " + sievingPrimes.limit()
                    + " cannot sieve up to " + to);
        }
        long count = 0;
        for (int p : PRIMES_BELOW_START) {
            if (p >= from && p <= to) {
                count++;
                if (sink != null) {
                    sink.accept(p);
                }
            }
        }
        long lo = Math.max(from, SIEVE_START);
        long endByte = to / 30 + 1;
        for (long chunk = lo / 30; chunk < endByte; chunk += (long) MAX_CHUNK_SEGMENTS * SEGMENT_BYTES) {
            int chunkBytes = (int) Math.min((long) MAX_CHUNK_SEGMENTS * SEGMENT_BYTES, endByte - chunk);
            count += sieveChunk(chunk, chunkBytes, lo, to, sink);
        }
        return count;
    }

    private long sieveChunk(long startByte, int chunkBytes, long lo, long hi, PrimeSink sink) {
        long chunkHi = Math.min(hi, 30 * (startByte + chunkBytes) - 1);
        long sqrt = SievingPrimes.isqrt(chunkHi);
        int segments = (chunkBytes + SEGMENT_MASK) >>> SEGMENT_SHIFT;
        int small = initSmall(startByte, chunkBytes, sqrt);
        int tiny = Math.min(small, tinyCount);
        initLarge(startByte, chunkBytes, sqrt);
        long count = 0;
        for (int s = 0; s < segments; s++) {
            long segByte = startByte + ((long) s << SEGMENT_SHIFT);
            int n = Math.min(SEGMENT_BYTES, chunkBytes - (s << SEGMENT_SHIFT));
            PreSieve.fill(segment, segByte, n);
            for (int limit = L1_BYTES; limit < n; limit += L1_BYTES) {
                crossSmall(0, tiny, limit);
            }
            crossSmall(0, small, n);
            rebaseSmall(small, n);
            crossLarge(s, segments);
            maskEnds(segByte, n, lo, hi);
            count += sink == null ? countZeros(n) : emit(segByte, n, sink);
        }
        return count;
    }

    /** Places the 8 progressions of every small prime at its first multiple >= max(p^2, chunk start). */
    private int initSmall(long startByte, int chunkBytes, long sqrt) {
        long low = 30 * startByte;
        int small = 0;
        while (small < smallCount && primes[small] <= sqrt) {
            long p = primes[small];
            long kmin = Math.max(p, (low + p - 1) / p);
            int kmod = (int) (kmin % 30);
            for (int wi = 0; wi < 8; wi++) {
                long k = kmin + Math.floorMod(Wheel30.RESIDUES[wi] - kmod, 30);
                long offset = p * k / 30 - startByte;
                smallOffsets[8 * small + wi] = (int) Math.min(offset, chunkBytes);
            }
            small++;
        }
        return small;
    }

    /** Files every large prime with a multiple in the chunk into the bucket of the segment of that multiple. */
    private void initLarge(long startByte, int chunkBytes, long sqrt) {
        long low = 30 * startByte;
        int[] ps = primes;
        int end = sievingPrimes.count();
        for (int i = smallCount; i < end && ps[i] <= sqrt; i++) {
            long p = ps[i];
            long kmin = Math.max(p, (low + p - 1) / p);
            long k = kmin + Wheel30.TO_NEXT[(int) (kmin % 30)];
            long offset = p * k / 30 - startByte;
            if (offset < chunkBytes) {
                int rw = Wheel30.INDEX_OF[(int) (p % 30)] * 8 + Wheel30.INDEX_OF[(int) (k % 30)];
                push((int) (offset >>> SEGMENT_SHIFT), entry(p / 30, rw, (int) offset & SEGMENT_MASK));
            }
        }
    }

    private static long entry(long q, int rw, int offset) {
        return q << 32 | (long) rw << 24 | offset;
    }

    /**
     * Crosses off the small primes [first, last) up to byte {@code limit}, leaving every progression at its first
     * offset at or beyond the limit. The 8 progressions of a prime always lie within one window of p bytes, so while
     * the whole window fits, one loop iteration crosses 8 multiples (as primesieve's EratSmall does); that
     * unrolling is why this method is longer than 40 lines.
     */
    private void crossSmall(int first, int last, int limit) {
        byte[] seg = segment;
        int[] offsets = smallOffsets;
        byte[] bits = Wheel30.BIT;
        for (int i = first; i < last; i++) {
            int p = primes[i];
            int base = 8 * i;
            int rb = 8 * smallResidues[i];
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
    private void rebaseSmall(int small, int n) {
        int[] offsets = smallOffsets;
        for (int i = 8 * small - 1; i >= 0; i--) {
            offsets[i] -= n;
        }
    }

    /** Crosses off the bucket of segment s, refiling each prime at its next multiple beyond this segment. */
    private void crossLarge(int s, int segments) {
        long[] bucket = buckets[s];
        if (bucket == null) {
            return;
        }
        byte[] seg = segment;
        int size = bucketSizes[s];
        for (int j = 0; j < size; j++) {
            long e = bucket[j];
            int q = (int) (e >>> 32);
            int rw = (int) (e >>> 24) & 63;
            int offset = (int) e & 0xFFFFFF;
            do {
                seg[offset] |= Wheel30.BIT[rw];
                offset += q * Wheel30.GAP[rw & 7] + Wheel30.CARRY[rw];
                rw = (rw & 56) | ((rw + 1) & 7);
            } while (offset < SEGMENT_BYTES);
            int next = s + (offset >>> SEGMENT_SHIFT);
            if (next < segments) {
                push(next, entry(q, rw, offset & SEGMENT_MASK));
            }
        }
        buckets[s] = null;
        bucketSizes[s] = 0;
        spareBuckets.push(bucket);
    }

    private void push(int s, long entry) {
        long[] bucket = buckets[s];
        int size = bucketSizes[s];
        if (bucket == null) {
            bucket = spareBuckets.isEmpty() ? new long[BUCKET_BLOCK] : spareBuckets.pop();
            buckets[s] = bucket;
        } else if (size == bucket.length) {
            bucket = Arrays.copyOf(bucket, 2 * size);
            buckets[s] = bucket;
        }
        bucket[size] = entry;
        bucketSizes[s] = size + 1;
    }

    /** Marks the numbers outside [lo, hi] in the first and last byte, and pads to a whole long with ones. */
    private void maskEnds(long segByte, int n, long lo, long hi) {
        long first = lo / 30 - segByte;
        if (first >= 0 && first < n) {
            segment[(int) first] |= (byte) Wheel30.bitsBelow((int) (lo % 30));
        }
        long last = hi / 30 - segByte;
        if (last >= 0 && last < n) {
            segment[(int) last] |= (byte) ~Wheel30.bitsBelow((int) (hi % 30) + 1);
        }
        Arrays.fill(segment, n, (n + 7) & ~7, (byte) -1);
    }

    private long countZeros(int n) {
        byte[] seg = segment;
        long ones = 0;
        int words = (n + 7) >>> 3;
        for (int i = 0; i < words; i++) {
            ones += Long.bitCount((long) LONGS.get(seg, i << 3));
        }
        return 64L * words - ones;
    }

    private long emit(long segByte, int n, PrimeSink sink) {
        byte[] seg = segment;
        long count = 0;
        long base = 30 * segByte;
        for (int i = 0; i < n; i += 8) {
            long w = ~(long) LONGS.get(seg, i);
            while (w != 0) {
                int t = Long.numberOfTrailingZeros(w);
                sink.accept(base + 30L * (i + (t >>> 3)) + Wheel30.RESIDUES[t & 7]);
                count++;
                w &= w - 1;
            }
        }
        return count;
    }
}
