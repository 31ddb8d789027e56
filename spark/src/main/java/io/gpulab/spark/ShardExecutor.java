package io.gpulab.spark;

import java.io.Serializable;
import java.util.List;

/** Runs a list of shards, in parallel where it can, and returns their partial outputs in shard order. */
public interface ShardExecutor {

    /**
     * Runs the shards as one job and returns their values in the same order.
     *
     * @throws io.gpulab.api.BackendException naming the first failed shard, where it ran and its error
     */
    List<Serializable> run(String task, List<SparkShard> shards);

    /** Returns how many shards a job should have by default: a couple per task slot of the cluster. */
    int defaultShards();
}
