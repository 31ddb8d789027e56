package io.gpulab.tasks;

/**
 * Holds the result of sieving a range.
 *
 * @param count the number of primes p with {@code from <= p <= to}
 */
public record SieveOutput(long count) {
}
