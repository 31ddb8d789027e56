package io.gpulab.gpu.cuda;

import io.gpulab.conformance.BackendConformance;

/**
 * Runs the conformance harness on {@code cuda}: aborts with the probe's reason where there is no NVIDIA driver or
 * device, and fails instead when {@code -Dgpulab.requireBackends=cuda}.
 */
class CudaConformanceTest extends BackendConformance {

    @Override
    protected String backendId() {
        return "cuda";
    }
}
