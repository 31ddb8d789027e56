package io.gpulab.bench;

/**
 * Describes a benchmark size of one task: the JMH {@code size} parameter is the name of an enum constant
 * implementing this.
 *
 * @param <I> the task's input record
 */
public interface BenchSize<I> {

    /** Builds the deterministic input of this size for the seed. */
    I input(long seed);

    /** Returns the work units (pixels, hashes, numbers) of one run at this size, for throughput. */
    long workUnits();

    /** Returns a short human-readable description of the size. */
    String label();

    /** Returns the enum constant's name, the value of the JMH {@code size} parameter. */
    String name();
}
