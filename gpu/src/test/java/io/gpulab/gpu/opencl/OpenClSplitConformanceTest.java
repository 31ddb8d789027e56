package io.gpulab.gpu.opencl;

import io.gpulab.api.BackendOptions;
import io.gpulab.conformance.BackendConformance;
import io.gpulab.gpu.device.DeviceOptions;
import java.util.Map;

/**
 * Runs the conformance harness on {@code opencl} with device buffers capped at 1 MiB, the twin of
 * {@code CudaSplitConformanceTest}: the shared host code's split paths (blur bands, listing sieve launches, batches
 * of large given messages) are checked against {@code seq} on PoCL exactly as the cuda backend runs them.
 */
class OpenClSplitConformanceTest extends BackendConformance {

    @Override
    protected String backendId() {
        return "opencl";
    }

    @Override
    protected BackendOptions options() {
        BackendOptions d = BackendOptions.defaults();
        return new BackendOptions(null, d.threads(), d.workers(), d.workerTimeout(),
                Map.of(DeviceOptions.MAX_BUFFER_BYTES, Integer.toString(1024 * 1024)));
    }
}
