package io.gpulab.cpu.seq;

import io.gpulab.api.Kernel;
import io.gpulab.cpu.sieve.SegmentSieve;
import io.gpulab.cpu.sieve.SievingPrimes;
import io.gpulab.tasks.PrimeSink;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveOutput;
import io.gpulab.tasks.SieveTask;

/**
 * Counts primes on one thread with the segmented mod-30 wheel sieve of {@link io.gpulab.cpu.sieve}: the sieving
 * primes up to sqrt(to) first, then one 256 KiB segment after the other.
 */
public final class SieveSeq implements Kernel<SieveInput, SieveOutput> {

    @Override
    public SieveOutput run(SieveInput input) {
        return new SieveOutput(count(input.from(), input.to(), input.sink()));
    }

    /**
     * Counts the primes of [from, to], passing each to the sink (if not null) in ascending order; from > to is the
     * empty range, and a range outside [0, 10^18] is an {@link IllegalArgumentException}.
     */
    public static long count(long from, long to, PrimeSink sink) {
        if (from < 0 || to > SieveTask.MAX_TO) {
            throw new IllegalArgumentException("sieve range [" + from + ", " + to + "] is outside [0, "
                    + SieveTask.MAX_TO + "]");
        }
        if (from > to || to < 2) {
            return 0;
        }
        return new SegmentSieve(SievingPrimes.forRangeEnd(to)).sieve(from, to, sink);
    }

    /** Returns floor(sqrt(n)) exactly for any n up to Long.MAX_VALUE. */
    public static long isqrt(long n) {
        return SievingPrimes.isqrt(n);
    }
}
