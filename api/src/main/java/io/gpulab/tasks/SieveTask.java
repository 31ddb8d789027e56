package io.gpulab.tasks;

import io.gpulab.api.Size;
import io.gpulab.api.Task;
import io.gpulab.api.Verdict;

/**
 * Counts (and optionally lists) the primes of a range, both ends inclusive.
 *
 * <p>The largest supported end is 10^18: the sieving primes up to its square root (10^9, about 51 million of
 * them) still fit comfortably in memory, and {@code p * p} never overflows a {@code long}.
 */
public final class SieveTask implements Task<SieveInput, SieveOutput> {

    /** The largest supported range end, 10^18. */
    public static final long MAX_TO = 1_000_000_000_000_000_000L;

    SieveTask() {
    }

    @Override
    public String id() {
        return "sieve";
    }

    @Override
    public String unit() {
        return "numbers";
    }

    /** Returns the standard ranges, which match the peer measurements; the seed does not change them. */
    @Override
    public SieveInput input(Size size, long seed) {
        return switch (size) {
            case TINY -> SieveInput.count(0, 1_000_000);
            case SMALL -> SieveInput.count(0, 1_000_000_000L);
            case MEDIUM -> SieveInput.count(0, 10_000_000_000L);
            case LARGE -> SieveInput.count(1_000_000_000_000L, 1_000_000_000_000L + 10_000_000_000L);
        };
    }

    @Override
    public long workUnits(SieveInput input) {
        return input.length();
    }

    @Override
    public Verdict compare(SieveOutput expected, SieveOutput actual) {
        if (expected.count() == actual.count()) {
            return Verdict.match();
        }
        return Verdict.mismatch(1, "count " + actual.count() + ", expected " + expected.count());
    }
}
