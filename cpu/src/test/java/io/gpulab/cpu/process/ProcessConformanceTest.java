package io.gpulab.cpu.process;

import io.gpulab.api.BackendOptions;
import io.gpulab.conformance.BackendConformance;
import java.time.Duration;
import java.util.Map;

/** Runs the conformance harness on {@code process} with three worker JVMs. */
class ProcessConformanceTest extends BackendConformance {

    @Override
    protected String backendId() {
        return "process";
    }

    @Override
    protected BackendOptions options() {
        return new BackendOptions(null, 0, 3, Duration.ofMinutes(2), Map.of());
    }
}
