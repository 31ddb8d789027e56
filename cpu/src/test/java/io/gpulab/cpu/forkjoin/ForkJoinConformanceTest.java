package io.gpulab.cpu.forkjoin;

import io.gpulab.api.BackendOptions;
import io.gpulab.conformance.BackendConformance;
import java.time.Duration;
import java.util.Map;

/** Runs the conformance harness on {@code forkjoin} with 3 threads, so that splits never line up with 2 cores. */
class ForkJoinConformanceTest extends BackendConformance {

    @Override
    protected String backendId() {
        return "forkjoin";
    }

    @Override
    protected BackendOptions options() {
        return new BackendOptions(null, 3, 0, Duration.ofMinutes(1), Map.of());
    }
}
