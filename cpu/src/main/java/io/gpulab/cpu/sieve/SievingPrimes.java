package io.gpulab.cpu.sieve;

import io.gpulab.tasks.PrimeSink;
import java.util.Arrays;
import io.gpulab.tasks.SieveTask;

/**
 * Holds the sieving primes from 103 up to a limit (the smaller ones are handled by the wheel and the pre-sieve),
 * computed once and then shared read-only by any number of {@link SegmentSieve}s. Up to the square root of
 * {@link SieveTask#MAX_TO}, 10^9, that is about 51 million primes in 203 MB.
 */
public final class SievingPrimes {

    /** The largest limit needed, the square root of {@link SieveTask#MAX_TO}. */
    public static final long MAX_LIMIT = 1_000_000_000L;

    /** Below this limit a plain sieve is fast enough; above it the primes come from a segmented sieve. */
    private static final int PLAIN_LIMIT = 1 << 16;

    private final int[] primes;
    private final int count;
    private final long limit;

    private SievingPrimes(int[] primes, int count, long limit) {
        this.primes = primes;
        this.count = count;
        this.limit = limit;
    }

    /** Returns the sieving primes needed to sieve any range ending at or below {@code to}. */
    public static SievingPrimes forRangeEnd(long to) {
        if (to < 0 || to > SieveTask.MAX_TO) {
            throw new IllegalArgumentException("sieve range end " + to + " is outside [0, " + SieveTask.MAX_TO + "]");
        }
        return upTo(isqrt(to));
    }

    /** Returns every prime p with {@code 103 <= p <= limit}; limit must lie in [0, 10^9]. */
    public static SievingPrimes upTo(long limit) {
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("sieving-prime limit " + limit + " is outside [0, " + MAX_LIMIT + "]");
        }
        if (limit < PLAIN_LIMIT) {
            return plain((int) limit);
        }
        SievingPrimes boot = plain((int) isqrt(limit));
        // pi(x) < 1.25506 x / ln x for x > 1 (Rosser and Schoenfeld), so the array never grows
        Collector collector = new Collector((int) (1.25506 * limit / Math.log(limit)) + 16);
        new SegmentSieve(boot).sieve(PreSieve.FIRST_SIEVING_PRIME, limit, collector);
        return new SievingPrimes(collector.primes, collector.count, limit);
    }

    private static SievingPrimes plain(int limit) {
        boolean[] composite = new boolean[limit + 1];
        int[] out = new int[Math.max(16, (int) (1.25506 * (limit + 2) / Math.log(limit + 2)) + 16)];
        int n = 0;
        for (int i = 2; i <= limit; i++) {
            if (!composite[i]) {
                if (i >= PreSieve.FIRST_SIEVING_PRIME) {
                    out[n++] = i;
                }
                for (long m = (long) i * i; m <= limit; m += i) {
                    composite[(int) m] = true;
                }
            }
        }
        return new SievingPrimes(out, n, limit);
    }

    /**
     * Returns every odd prime p with {@code p <= limit}, ascending, as a plain array: the sieving-prime table that
     * device backends upload. Limit must lie in [0, 10^9].
     */
    public static int[] oddUpTo(long limit) {
        if (limit < 3) {
            return new int[0];
        }
        if (limit > MAX_LIMIT) {
            throw new IllegalArgumentException("sieving-prime limit " + limit + " is outside [0, " + MAX_LIMIT + "]");
        }
        Collector odd = new Collector((int) (1.25506 * limit / Math.log(limit)) + 16);
        new SegmentSieve(forRangeEnd(limit)).sieve(3, limit, odd);
        return odd.count == odd.primes.length ? odd.primes : Arrays.copyOf(odd.primes, odd.count);
    }

    /** Returns floor(sqrt(n)) exactly for any n in [0, Long.MAX_VALUE]. */
    public static long isqrt(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("square root of negative " + n);
        }
        long r = (long) Math.sqrt((double) n);
        // the double estimate can be off by one either way near 2^63; r stays below 3.04e9, so r * r cannot overflow
        while (r * r > n) {
            r--;
        }
        while ((r + 1) * (r + 1) <= n && (r + 1) * (r + 1) > 0) {
            r++;
        }
        return r;
    }

    /** Returns the limit these primes were computed up to. */
    public long limit() {
        return limit;
    }

    /** Returns how many sieving primes there are. */
    public int count() {
        return count;
    }

    /** Returns the backing array without copying; only this package reads it, and never writes. */
    int[] array() {
        return primes;
    }

    /** Returns the number of sieving primes strictly below {@code bound}. */
    int countBelow(long bound) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (primes[mid] < bound) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Collects primes into a presized int array. */
    private static final class Collector implements PrimeSink {
        private final int[] primes;
        private int count;

        Collector(int capacity) {
            primes = new int[capacity];
        }

        @Override
        public void accept(long prime) {
            primes[count++] = (int) prime;
        }
    }
}
