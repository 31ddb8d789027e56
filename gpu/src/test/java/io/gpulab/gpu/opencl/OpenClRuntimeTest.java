package io.gpulab.gpu.opencl;

import io.gpulab.gpu.GpuBackendChecks;
import io.gpulab.gpu.device.Device;
import io.gpulab.gpu.device.DeviceEvent;
import io.gpulab.gpu.device.DeviceOptions;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;

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
    protected boolean completed(Device device, DeviceEvent marker) {
        int[] status = new int[1];
        CL.clGetEventInfo(OpenClRuntime.event(marker), CL.CL_EVENT_COMMAND_EXECUTION_STATUS, Sizeof.cl_int,
                Pointer.to(status), null);
        return status[0] == CL.CL_COMPLETE;
    }

    @Override
    protected Device openDevice(long maxBufferBytes) {
        return new OpenClRuntime(OpenClDevices.defaultDevice(), new DeviceOptions(maxBufferBytes));
    }
}
