package io.gpulab.cpu.seq;

/** Lists the sieving primes up to a bound with a plain sieve of Eratosthenes. */
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
        int n = (int) limit;
        boolean[] composite = new boolean[n + 1];
        int count = 0;
        for (int i = 2; i <= n; i++) {
            if (!composite[i]) {
                count++;
                for (long m = (long) i * i; m <= n; m += i) {
                    composite[(int) m] = true;
                }
            }
        }
        int[] out = new int[count];
        int k = 0;
        for (int i = 2; i <= n; i++) {
            if (!composite[i]) {
                out[k++] = i;
            }
        }
        return out;
    }
}
