package io.gpulab.cpu.sieve;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Crosses off the large sieving primes (beyond the medium ones) for one {@link SegmentSieve} with a bucket sieve: a
 * large prime hits a segment at most a few times and skips many, so rather than visiting every such prime in every
 * segment, each waits in the bucket of the segment that holds its next multiple. An entry packs {@code p / 30}, the
 * wheel position of the multiplier and the byte offset into one long; there is at most one entry per sieving prime.
 */
final class LargePrimeSieve {

    private static final int SEGMENT_SHIFT = SegmentSieve.SEGMENT_SHIFT;
    private static final int SEGMENT_BYTES = SegmentSieve.SEGMENT_BYTES;
    private static final int SEGMENT_MASK = SEGMENT_BYTES - 1;
    private static final int BUCKET_BLOCK = 1024;

    private final int[] primes;
    private final int first;
    private final int count;
    private final long[][] buckets = new long[SegmentSieve.MAX_CHUNK_SEGMENTS][];
    private final int[] bucketSizes = new int[SegmentSieve.MAX_CHUNK_SEGMENTS];
    private final ArrayDeque<long[]> spareBuckets = new ArrayDeque<>();

    /** Creates the buckets for the sieving primes from index {@code first} on. */
    LargePrimeSieve(SievingPrimes sievingPrimes, int first) {
        this.primes = sievingPrimes.array();
        this.first = first;
        this.count = sievingPrimes.count();
    }

    /** Files every large prime with a multiple in the chunk into the bucket of the segment of that multiple. */
    void init(long startByte, int chunkBytes, long sqrt) {
        long low = 30 * startByte;
        int[] ps = primes;
        int end = count;
        for (int i = first; i < end && ps[i] <= sqrt; i++) {
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

    /** Crosses off the bucket of segment s, refiling each prime at its next multiple beyond this segment. */
    void cross(byte[] seg, int s, int segments) {
        long[] bucket = buckets[s];
        if (bucket == null) {
            return;
        }
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
}
