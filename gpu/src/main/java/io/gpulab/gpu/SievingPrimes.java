package io.gpulab.gpu;

/** Lists the odd sieving primes up to a bound with an odd-only bit sieve (limit / 16 bytes of scratch). */
public final class SievingPrimes {

    private SievingPrimes() {
    }

    /** Returns every odd prime p with {@code p <= limit}, ascending; limit must be below 2^31. */
    public static int[] oddUpTo(long limit) {
        if (limit < 3) {
            return new int[0];
        }
        if (limit >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sieving-prime bound too large: " + limit);
        }
        // bit i stands for 2i + 1; odd-only bits keep 10^9 (the bound for SieveTask.MAX_TO) at 62.5 MB
        int n = (int) ((limit - 1) / 2) + 1;
        long[] composite = new long[(n + 63) >>> 6];
        composite[0] |= 1L; // 1 is not prime
        for (long i = 1; (2 * i + 1) * (2 * i + 1) <= limit; i++) {
            if ((composite[(int) (i >>> 6)] & (1L << i)) == 0) {
                long p = 2 * i + 1;
                for (long j = (p * p) >>> 1; j < n; j += p) {
                    composite[(int) (j >>> 6)] |= 1L << j;
                }
            }
        }
        int count = 0;
        for (int i = 0; i < n; i++) {
            if ((composite[i >>> 6] & (1L << i)) == 0) {
                count++;
            }
        }
        int[] primes = new int[count];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if ((composite[i >>> 6] & (1L << i)) == 0) {
                primes[k++] = 2 * i + 1;
            }
        }
        return primes;
    }
}
