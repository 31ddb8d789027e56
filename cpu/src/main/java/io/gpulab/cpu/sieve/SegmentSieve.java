package io.gpulab.cpu.sieve;

import io.gpulab.tasks.PrimeSink;
import io.gpulab.tasks.SieveTask;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Sieves any sub-range of [0, 10^18] with one cache-sized segment buffer; one instance per thread, not thread-safe.
 *
 * <p>A range is cut into chunks of at most {@link #MAX_CHUNK_SEGMENTS} segments of {@link #SEGMENT_BYTES} bytes
 * (30 numbers a byte on the mod-30 wheel). Each chunk sets up the crossing-off state of its sieving primes once, in
 * three tiers as in primesieve: primes below 2^15 keep 8 strided progressions (one per residue of the multiplier);
 * medium primes, up to 5 segments of bytes, hit nearly every segment a few times and are all walked
 * in every segment; larger primes skip segments and wait in the bucket of the segment holding their next multiple, so
 * a segment only touches the large primes that actually hit it.
 *
 * <p>Memory per instance: the 256 KiB segment, 33 bytes per small sieving prime (under 1 MB), two 8-byte entries
 * per medium prime (at most about 100,000 primes, under 4 MB with growth slack), and at most one 8-byte bucket
 * entry per large sieving prime with a multiple in the current chunk (up to 408 MB for a chunk near 10^18, where
 * there are 51 million sieving primes, as in primesieve).
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

    /**
     * The small sieving primes lie below this bound: each hits a segment at least 64 times, so its 8 progressions pay
     * off; above it the medium tier was measured faster (with 2^18, [10^12, 10^12 + 10^10] took 6% longer; 2^16 was
     * as fast there but 2% slower for pi(10^10)).
     */
    private static final int SMALL_BOUND = 1 << 15;

    /**
     * The medium sieving primes lie below this bound (primesieve's factor 5): up to it a prime still hits nearly every
     * segment, so keeping it in a list costs nothing; beyond it a prime skips segments and waits in a bucket.
     */
    private static final long MEDIUM_BOUND = 5L * SEGMENT_BYTES;

    /** The primes below {@link #SIEVE_START}, which the pre-sieve patterns mark as composite, so they are listed. */
    private static final int[] PRIMES_BELOW_START = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59,
        61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113};

    /** The first number the segments sieve: a multiple of 30 above every pre-sieved prime. */
    private static final long SIEVE_START = 120;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final SievingPrimes sievingPrimes;
    private final byte[] segment = new byte[SEGMENT_BYTES + Long.BYTES];
    private final SmallPrimeSieve small;
    private final MediumPrimeSieve medium;
    private final LargePrimeSieve large;

    /** Creates a sieve that can sieve any range ending at or below {@code primes.limit()} squared. */
    public SegmentSieve(SievingPrimes primes) {
        this.sievingPrimes = primes;
        this.small = new SmallPrimeSieve(primes, SMALL_BOUND);
        this.medium = new MediumPrimeSieve(primes, small.count(), primes.countBelow(MEDIUM_BOUND));
        this.large = new LargePrimeSieve(primes, medium.end());
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
        int smallPrimes = small.init(startByte, chunkBytes, sqrt);
        medium.init(startByte, sqrt);
        large.init(startByte, chunkBytes, sqrt);
        long count = 0;
        for (int s = 0; s < segments; s++) {
            long segByte = startByte + ((long) s << SEGMENT_SHIFT);
            int n = Math.min(SEGMENT_BYTES, chunkBytes - (s << SEGMENT_SHIFT));
            PreSieve.fill(segment, segByte, n);
            small.crossSegment(segment, smallPrimes, n);
            medium.cross(segment, n);
            large.cross(segment, s, segments);
            maskEnds(segByte, n, lo, hi);
            count += sink == null ? countZeros(n) : emit(segByte, n, sink);
        }
        return count;
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
