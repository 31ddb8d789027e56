package io.gpulab.gpu;

import io.gpulab.cpu.sieve.SievingPrimes;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Keeps the odd sieving primes of the largest bound a kernel has needed so far, so that later runs with smaller
 * or equal bounds reuse them (and their device copy) instead of sieving and uploading them again.
 */
public final class SievingPrimeTable {

    private int[] primes = new int[0];
    private long limit = -1;

    /** Creates an empty table. */
    public SievingPrimeTable() {
    }

    /** Returns whether the table lacks primes up to {@code bound}, i.e. {@link #cover} would recompute it. */
    public boolean needs(long bound) {
        return bound > limit;
    }

    /**
     * Makes the table hold every odd prime up to at least {@code bound}: when it lacks some, sieves them, hands
     * the new array to {@code install} (which uploads it and may throw) and only then keeps it; a failed install
     * leaves the table empty, since the device copy may be gone, so the next call installs again. Returns how
     * many of the held primes are at most {@code bound}.
     */
    public int cover(long bound, Consumer<int[]> install) {
        if (needs(bound)) {
            int[] found = SievingPrimes.oddUpTo(bound);
            primes = new int[0];
            limit = -1;
            install.accept(found);
            primes = found;
            limit = bound;
        }
        return countUpTo(bound);
    }

    /** Returns the odd primes held, ascending (the array itself: callers upload it and must not change it). */
    public int[] primes() {
        return primes;
    }

    /** Returns how many of the held primes are at most {@code bound}: the prefix a kernel with that bound uses. */
    public int countUpTo(long bound) {
        int n = Arrays.binarySearch(primes, (int) Math.min(bound, Integer.MAX_VALUE));
        return n >= 0 ? n + 1 : -n - 1;
    }
}
