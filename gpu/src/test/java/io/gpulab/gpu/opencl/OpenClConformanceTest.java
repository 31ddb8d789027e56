package io.gpulab.gpu.opencl;

import io.gpulab.conformance.BackendConformance;

/** Runs every conformance case on {@code opencl} (on PoCL in CI), each checked against {@code seq}. */
class OpenClConformanceTest extends BackendConformance {

    @Override
    protected String backendId() {
        return "opencl";
    }
}
