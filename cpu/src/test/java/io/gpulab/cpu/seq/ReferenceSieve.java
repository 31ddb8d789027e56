package io.gpulab.cpu.seq;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lists primes the slow, obvious way, as an independent check of the fast sieve: a plain odd-only sieve of
 * Eratosthenes over the whole range with boolean flags (ranges up to a few million numbers, ends up to about 10^14),
 * or a primality test per number for short ranges anywhere up to 10^18.
 */
final class ReferenceSieve {

    private ReferenceSieve() {
    }

    /** Returns the primes of [from, to] in ascending order, sieving with trial-division-found sieving primes. */
    static long[] primes(long from, long to) {
        if (from > to || to < 2) {
            return new long[0];
        }
        long lo = Math.max(from, 2);
        if (to - lo > 50_000_000L) {
            throw new IllegalArgumentException("reference range too long: " + lo + ".." + to);
        }
        int limit = (int) Math.sqrt((double) to) + 1;
        boolean[] small = new boolean[limit + 1];
        List<Integer> sieving = new ArrayList<>();
        for (int i = 2; i <= limit; i++) {
            if (!small[i]) {
                sieving.add(i);
                for (long m = (long) i * i; m <= limit; m += i) {
                    small[(int) m] = true;
                }
            }
        }
        int n = (int) (to - lo + 1);
        boolean[] composite = new boolean[n];
        for (int p : sieving) {
            long start = Math.max((long) p * p, (lo + p - 1) / p * p);
            for (long m = start; m <= to; m += p) {
                composite[(int) (m - lo)] = true;
            }
        }
        long[] out = new long[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!composite[i]) {
                out[k++] = lo + i;
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** Counts the primes of [from, to] with a probabilistic test (error below 2^-100) per odd number. */
    static long countByPrimalityTest(long from, long to) {
        long count = 0;
        for (long x = from; x <= to && x >= 0; x++) {
            if (x == 2 || (x > 2 && (x & 1) == 1 && BigInteger.valueOf(x).isProbablePrime(100))) {
                count++;
            }
            if (x == Long.MAX_VALUE) {
                break;
            }
        }
        return count;
    }
}
