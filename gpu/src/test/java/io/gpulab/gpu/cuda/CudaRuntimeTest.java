package io.gpulab.gpu.cuda;

import io.gpulab.gpu.GpuBackendChecks;
import io.gpulab.gpu.device.Device;
import io.gpulab.gpu.device.DeviceOptions;

/**
 * Runs the checks of the shared host path's order of work on the CUDA runtime: aborts with the probe's reason where
 * there is no NVIDIA driver or device, and fails instead when {@code -Dgpulab.requireBackends=cuda}.
 */
class CudaRuntimeTest extends GpuBackendChecks {

    @Override
    protected String runtime() {
        return "cuda";
    }

    @Override
    protected Device openDevice() {
        return new CudaRuntime(0, new DeviceOptions(0));
    }

    @Override
    protected Device openDevice(long maxBufferBytes) {
        return new CudaRuntime(0, new DeviceOptions(maxBufferBytes));
    }
}
