package io.gpulab.gpu;

import io.gpulab.api.DeviceOutOfMemoryException;
import io.gpulab.cpu.seq.SieveSeq;
import io.gpulab.tasks.PrimeSink;

/**
 * Lays a sieve range out as device segments of odd numbers: the prime 2 is counted on the host, and segment s
 * holds the odd numbers {@code base + 2 * (s * segmentBits + i)} for {@code i < segmentBits}, up to {@code last}.
 *
 * @param includesTwo true when 2 lies in the range (the host counts it)
 * @param base the first odd number to sieve, at least 3
 * @param last the last odd number to sieve; smaller than base when the odd part is empty
 * @param segments the number of segments covering [base, last]
 * @param segmentBits odd numbers per segment
 */
public record SievePlan(boolean includesTwo, long base, long last, long segments, int segmentBits) {

    /** Returns the plan of {@code [from, to]} (both inclusive) with segments of {@code segmentBits} odd numbers. */
    public static SievePlan of(long from, long to, int segmentBits) {
        boolean two = from <= 2 && to >= 2;
        long base = Math.max(from, 3) | 1;
        long last = (to & 1) == 1 ? to : to - 1;
        if (to < 3 || base > last) {
            return new SievePlan(two, 3, 1, 0, segmentBits);
        }
        long odds = (last - base) / 2 + 1;
        return new SievePlan(two, base, last, (odds + segmentBits - 1) / segmentBits, segmentBits);
    }

    /** Returns the largest sieving prime needed, {@code floor(sqrt(last))}; 0 when nothing is sieved. */
    public long sievingLimit() {
        return segments == 0 ? 0 : SieveSeq.isqrt(last);
    }

    /** Returns the 32-bit words of one segment's bitmap. */
    public int wordsPerSegment() {
        return segmentBits / 32;
    }

    /**
     * Returns how many segments one launch may sieve: at most {@code maxPerLaunch} and the plan's segment count,
     * and few enough that the largest per-launch buffer (a 32-bit count per segment, or a segment bitmap per
     * segment when listing) stays within {@code budget} bytes.
     *
     * @throws DeviceOutOfMemoryException when not even one segment's buffer fits the budget
     */
    public int segmentsPerLaunch(boolean listing, long budget, int maxPerLaunch) {
        long perSegment = 4L * (listing ? wordsPerSegment() : 1);
        if (perSegment > budget) {
            throw new DeviceOutOfMemoryException("one sieve segment " + (listing ? "bitmap" : "count"), perSegment,
                    budget);
        }
        return (int) Math.max(1, Math.min(Math.min(maxPerLaunch, segments), budget / perSegment));
    }

    /** Returns the first odd number of segment {@code s}. */
    public long segmentBase(long s) {
        return base + 2 * s * segmentBits;
    }

    /**
     * Passes the primes marked in downloaded segment bitmaps to the sink in ascending order: {@code segments}
     * segments of {@code segmentBits / 32} words each, starting with segment {@code firstSegment}, bit i of a
     * segment's bitmap set when its i-th odd number is prime.
     */
    public void emit(long firstSegment, int[] words, int segmentCount, PrimeSink sink) {
        int wordsPerSegment = wordsPerSegment();
        for (int s = 0; s < segmentCount; s++) {
            long segBase = segmentBase(firstSegment + s);
            for (int w = 0; w < wordsPerSegment; w++) {
                int bits = words[s * wordsPerSegment + w];
                while (bits != 0) {
                    int b = Integer.numberOfTrailingZeros(bits);
                    sink.accept(segBase + 2L * (w * 32 + b));
                    bits &= bits - 1;
                }
            }
        }
    }
}
