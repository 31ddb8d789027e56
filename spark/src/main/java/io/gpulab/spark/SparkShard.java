package io.gpulab.spark;

import io.gpulab.api.Backend;
import java.io.Serializable;

/** One shard of a task input, shipped to an executor, which runs it on its local inner backend. */
public interface SparkShard extends Serializable {

    /** Returns what the shard covers, for events and errors: {@code [from, to]}, {@code image 0 rows [0, 99)}. */
    String describe();

    /**
     * Runs the shard on the executor's inner backend and returns its partial output, small and serializable.
     *
     * @throws RuntimeException when the shard fails; the runner reports it with the shard and is not retried
     */
    Serializable run(Backend inner);
}
