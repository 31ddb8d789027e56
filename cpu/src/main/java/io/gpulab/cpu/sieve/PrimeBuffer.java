package io.gpulab.cpu.sieve;

import io.gpulab.tasks.PrimeSink;
import java.util.Arrays;

/**
 * Collects a run of ascending primes compactly (2 bytes a prime: gaps between primes below 10^18 stay under 1,600)
 * so that a parallel sieve can list a chunk on one thread and hand it, in order, to a sink on another.
 */
public final class PrimeBuffer implements PrimeSink {

    private long first;
    private long last;
    private long count;
    private char[] gaps = new char[1024];
    private int size;

    /** Appends the next prime, which must be above the previous one by less than 65,536. */
    @Override
    public void accept(long prime) {
        if (count > 0) {
            long gap = prime - last;
            if (gap <= 0 || gap > Character.MAX_VALUE) {
                throw new IllegalArgumentException("prime " + prime + " does not follow " + last);
            }
            if (size == gaps.length) {
                gaps = Arrays.copyOf(gaps, 2 * size);
            }
            gaps[size++] = (char) gap;
        } else {
            first = prime;
        }
        last = prime;
        count++;
    }

    /** Returns how many primes the buffer holds. */
    public long count() {
        return count;
    }

    /** Passes every prime of the buffer to the sink in the order they came. */
    public void emitTo(PrimeSink sink) {
        if (count == 0) {
            return;
        }
        long p = first;
        sink.accept(p);
        char[] g = gaps;
        for (int i = 0; i < size; i++) {
            p += g[i];
            sink.accept(p);
        }
    }
}
