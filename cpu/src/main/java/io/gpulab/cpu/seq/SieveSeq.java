package io.gpulab.cpu.seq;

import io.gpulab.api.Kernel;
import io.gpulab.tasks.PrimeSink;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveOutput;

/** Counts primes with a segmented, odd-only sieve of Eratosthenes on one thread. */
public final class SieveSeq implements Kernel<SieveInput, SieveOutput> {

    private static final int SEGMENT_ODDS = 1 << 18;

    @Override
    public SieveOutput run(SieveInput input) {
        return new SieveOutput(count(input.from(), input.to(), input.sink()));
    }

    /** Counts the primes of [from, to], passing each to the sink (if not null) in ascending order. */
    public static long count(long from, long to, PrimeSink sink) {
        if (to < 2 || from > to) {
            return 0;
        }
        long count = 0;
        if (from <= 2) {
            count++;
            if (sink != null) {
                sink.accept(2);
            }
        }
        long lo = Math.max(from, 3) | 1;
        if (lo > to) {
            return count;
        }
        int[] primes = SmallPrimes.upTo(isqrt(to));
        boolean[] composite = new boolean[SEGMENT_ODDS];
        for (long segStart = lo; segStart <= to; segStart += 2L * SEGMENT_ODDS) {
            long segEnd = Math.min(to, segStart + 2L * SEGMENT_ODDS - 1);
            int n = (int) ((segEnd - segStart) / 2 + 1);
            java.util.Arrays.fill(composite, 0, n, false);
            for (int p : primes) {
                if (p == 2) {
                    continue;
                }
                long pp = (long) p * p;
                if (pp > segEnd) {
                    break;
                }
                long start = Math.max(pp, (segStart + p - 1) / p * p);
                if ((start & 1) == 0) {
                    start += p;
                }
                for (long m = start; m <= segEnd; m += 2L * p) {
                    composite[(int) ((m - segStart) >>> 1)] = true;
                }
            }
            for (int i = 0; i < n; i++) {
                if (!composite[i]) {
                    count++;
                    if (sink != null) {
                        sink.accept(segStart + 2L * i);
                    }
                }
            }
        }
        return count;
    }

    /** Returns floor(sqrt(n)) exactly for any n up to Long.MAX_VALUE. */
    public static long isqrt(long n) {
        long r = (long) Math.sqrt((double) n);
        while (r * r > n) {
            r--;
        }
        while ((r + 1) * (r + 1) <= n) {
            r++;
        }
        return r;
    }
}
