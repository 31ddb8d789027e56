package io.gpulab.cpu.seq;

import io.gpulab.cpu.sieve.SegmentSieve;
import io.gpulab.cpu.sieve.SievingPrimes;
import java.util.Arrays;

/** Lists the primes up to a bound, for backends that need the sieving primes as a plain array. */
public final class SmallPrimes {

    private SmallPrimes() {
    }

    /** Returns every prime p with {@code p <= limit}, ascending; limit must be below 2^31. */
    public static int[] upTo(long limit) {
        if (limit < 2) {
            return new int[0];
        }
        if (limit >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sieving-prime bound too large: " + limit);
        }
        // pi(x) < 1.25506 x / ln x for x > 1 (Rosser and Schoenfeld); the + 16 covers tiny x
        int[] out = new int[(int) (1.25506 * limit / Math.log(limit)) + 16];
        int[] n = {0};
        new SegmentSieve(SievingPrimes.forRangeEnd(limit)).sieve(0, limit, p -> out[n[0]++] = (int) p);
        return Arrays.copyOf(out, n[0]);
    }
}
