package io.gpulab.tasks;

/** Receives the primes of a sieved range, each once, in ascending order. */
@FunctionalInterface
public interface PrimeSink {

    /** Accepts the next prime of the range. */
    void accept(long prime);
}
