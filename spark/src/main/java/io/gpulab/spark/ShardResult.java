package io.gpulab.spark;

import java.io.Serializable;

/**
 * Holds what an executor sends back for one shard: where it ran, when, and its partial output or its error.
 *
 * @param index the shard's position in its job
 * @param host the executor's host
 * @param executor the executor id
 * @param attempt the Spark task attempt that produced it, 0 for the first
 * @param device the inner backend's device, with the GPU address Spark assigned when there was one
 * @param startMicros wall-clock start on the executor, microseconds since the epoch
 * @param endMicros wall-clock end on the executor, microseconds since the epoch
 * @param value the partial output; null when the shard failed
 * @param error the executor's one-line error; null when the shard succeeded
 */
public record ShardResult(int index, String host, String executor, int attempt,
        String device, long startMicros, long endMicros,
        Serializable value, String error) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Returns the shard's compute seconds on its executor. */
    public double seconds() {
        return (endMicros - startMicros) / 1e6;
    }
}
