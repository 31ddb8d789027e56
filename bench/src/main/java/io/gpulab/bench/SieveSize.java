package io.gpulab.bench;

import io.gpulab.tasks.SieveInput;

/**
 * Names the sieve benchmark ranges, those of the peer measurements and a quick one, each with its published
 * prime count (shared/testdata/primes: OEIS A006880 and primesieve's own tests, checked with primecount).
 */
public enum SieveSize implements BenchSize<SieveInput> {
    /** pi(10^7), for {@code --quick}. */
    QUICK(0, 10_000_000L, 664_579L),
    /** pi(10^9). */
    PI_1E9(0, 1_000_000_000L, 50_847_534L),
    /** pi(10^10). */
    PI_1E10(0, 10_000_000_000L, 455_052_511L),
    /** The primes of [10^12, 10^12 + 10^9]. */
    RANGE_1E12_1E9(1_000_000_000_000L, 1_001_000_000_000L, 36_190_991L);

    private final long from;
    private final long to;
    private final long expectedCount;

    SieveSize(long from, long to, long expectedCount) {
        this.from = from;
        this.to = to;
        this.expectedCount = expectedCount;
    }

    /** Returns the range to count; the seed does not change it. */
    @Override
    public SieveInput input(long seed) {
        return SieveInput.count(from, to);
    }

    @Override
    public long workUnits() {
        return to - from + 1;
    }

    @Override
    public String label() {
        return "[" + from + ", " + to + "]";
    }

    /** Returns the published number of primes in the range, the answer every backend must give. */
    public long expectedCount() {
        return expectedCount;
    }
}
