package io.gpulab.api;

/**
 * Defines a compute workload, stateless and deterministic: what is computed, never where.
 *
 * @param <I> the input record
 * @param <O> the output record
 */
public interface Task<I, O> {

    /** Returns the task id a user types: {@code blur}, {@code sha256} or {@code sieve}. */
    String id();

    /** Returns the name of one work unit, plural: {@code pixels}, {@code hashes}, {@code numbers}. */
    String unit();

    /** Builds the deterministic synthetic input of a standard size for this seed. */
    I input(Size size, long seed);

    /** Counts the work units of an input, the numerator of every throughput figure. */
    long workUnits(I input);

    /** Compares an output with the reference output, exactly or within the task's published tolerance. */
    Verdict compare(O expected, O actual);
}
