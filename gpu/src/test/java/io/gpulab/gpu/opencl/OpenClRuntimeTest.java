package io.gpulab.gpu.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gpulab.gpu.GpuBackendChecks;
import io.gpulab.gpu.device.Device;
import io.gpulab.gpu.device.DeviceBuffer;
import io.gpulab.gpu.device.DeviceEvent;
import io.gpulab.gpu.device.DeviceOptions;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_event;
import org.junit.jupiter.api.Test;

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

    @Test
    void aFailedJobLeavesNoCopyInFlight() {
        int n = 64 << 20;
        List<DeviceEvent> marks = new ArrayList<>();
        try (OpenClRuntime rt = (OpenClRuntime) openDevice();
                DeviceBuffer b = rt.buffer("drain", DeviceBuffer.Access.SCRATCH)) {
            ByteBuffer out = rt.hostMemory(n);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> rt.guard("failing job", () -> {
                rt.beginRun();
                b.ensure(n);
                for (int i = 0; i < 8; i++) {
                    // 512 MiB down on each queue: on PoCL about a tenth of a second of memcpy per queue
                    for (int q = 0; q < Device.QUEUES; q++) {
                        rt.queue(q);
                        b.download(0, n, out, 0);
                    }
                }
                for (int q = 0; q < Device.QUEUES; q++) {
                    rt.queue(q);
                    marks.add(rt.mark());
                }
                throw new IllegalStateException("the host fails with the copies enqueued");
            }));
            assertEquals("the host fails with the copies enqueued", e.getMessage());
            for (DeviceEvent m : marks) {
                assertEquals(CL.CL_COMPLETE, status(m), "queue " + m.queue() + " still ran the failed job's copies");
            }
        }
    }

    private static int status(DeviceEvent mark) {
        cl_event event = OpenClRuntime.event(mark);
        int[] status = new int[1];
        CL.clGetEventInfo(event, CL.CL_EVENT_COMMAND_EXECUTION_STATUS, Sizeof.cl_int, Pointer.to(status), null);
        return status[0];
    }

    @Override
    protected Device openDevice(long maxBufferBytes) {
        return new OpenClRuntime(OpenClDevices.defaultDevice(), new DeviceOptions(maxBufferBytes));
    }
}
