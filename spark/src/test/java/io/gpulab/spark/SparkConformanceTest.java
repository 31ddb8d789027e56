package io.gpulab.spark;

import io.gpulab.api.BackendOptions;
import io.gpulab.conformance.BackendConformance;
import java.time.Duration;
import java.util.Map;

/**
 * Runs the conformance harness on {@code spark} over a real local cluster: a master and two workers in this JVM,
 * each worker's executor its own JVM, three shards per job so that every merge is exercised.
 */
class SparkConformanceTest extends BackendConformance {

    @Override
    protected String backendId() {
        return "spark";
    }

    @Override
    protected BackendOptions options() {
        return new BackendOptions(null, 0, 0, Duration.ofMinutes(2), Map.of("spark.master", "local-cluster[2,1,1024]",
                "spark.shards", "3", "spark.inner", "forkjoin"));
    }
}
