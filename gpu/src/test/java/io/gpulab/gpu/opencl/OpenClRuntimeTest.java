package io.gpulab.gpu.opencl;

import io.gpulab.gpu.GpuBackendChecks;
import io.gpulab.gpu.device.Device;
import io.gpulab.gpu.device.DeviceOptions;

/** Runs the checks of the shared host path's order of work on the OpenCL runtime (PoCL in CI). */
class OpenClRuntimeTest extends GpuBackendChecks {

    @Override
    protected String runtime() {
        return "opencl";
    }

    @Override
    protected Device openDevice() {
        return new OpenClRuntime(OpenClDevices.defaultDevice(), new DeviceOptions(0));
    }

    @Override
    protected Device openDevice(long maxBufferBytes) {
        return new OpenClRuntime(OpenClDevices.defaultDevice(), new DeviceOptions(maxBufferBytes));
    }
}
