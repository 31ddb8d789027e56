package io.gpulab.gpu.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.gpu.GpuBackendChecks;
import io.gpulab.gpu.device.Device;
import io.gpulab.gpu.device.DeviceBuffer;
import io.gpulab.gpu.device.DeviceEvent;
import io.gpulab.gpu.device.DeviceOptions;
import java.nio.ByteBuffer;
import jcuda.Pointer;
import jcuda.driver.JCudaDriver;
import org.junit.jupiter.api.Test;

/**
 * Runs the checks of the shared host path's order of work on the CUDA runtime: aborts with the probe's reason where
 * there is no NVIDIA driver or device, and fails instead when {@code -Dgpulab.requireBackends=cuda}. The CUDA-only
 * checks: the host memory of direct copies is page-locked, portable and outlives the runtime's context, and the two
 * streams copy through it in the order their events give.
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

    @Test
    void hostMemoryIsPortablePageLockedMemoryThatOutlivesTheContext() {
        int n = 3 << 20;
        ByteBuffer in;
        ByteBuffer out;
        try (CudaRuntime rt = (CudaRuntime) openDevice()) {
            rt.guard("host memory check", () -> {
                ByteBuffer m = rt.hostMemory(n);
                int[] flags = new int[1];
                // fails (CUDA_ERROR_INVALID_VALUE) unless the memory came from cuMemHostAlloc
                JCudaDriver.cuMemHostGetFlags(flags, Pointer.to(m));
                assertTrue((flags[0] & JCudaDriver.CU_MEMHOSTALLOC_PORTABLE) != 0, "flags " + flags[0]);
                return null;
            });
            in = rt.hostMemory(n);
            out = rt.hostMemory(n);
            for (int i = 0; i < n; i++) {
                in.put(i, (byte) (i * 7 + 3));
            }
            copyThroughBothStreams(rt, in, out, n);
            assertEquals(in, out, "up on stream 0, down on stream 1 after awaiting the upload");
        }
        // the context is destroyed; the memory is the Java buffers' and still readable and writable
        out.put(5, (byte) 1);
        assertEquals(1, out.get(5));
        try (CudaRuntime again = (CudaRuntime) openDevice()) {
            ByteBuffer back = again.hostMemory(n);
            copyThroughBothStreams(again, in, back, n);
            assertEquals(in, back, "memory of the first runtime copied by a second context");
        }
    }

    private static void copyThroughBothStreams(CudaRuntime rt, ByteBuffer in, ByteBuffer out, int n) {
        rt.guard("copy through both streams", () -> {
            try (DeviceBuffer b = rt.buffer("check", DeviceBuffer.Access.OUT)) {
                rt.beginRun();
                b.ensure(n);
                rt.queue(0);
                b.upload(in, 0, n);
                DeviceEvent up = rt.mark();
                rt.queue(1);
                rt.await(up);
                b.download(0, n, out, 0);
                rt.hostWait(rt.mark());
                rt.endRun();
            }
            return null;
        });
    }

    @Override
    protected Device openDevice(long maxBufferBytes) {
        return new CudaRuntime(0, new DeviceOptions(maxBufferBytes));
    }
}
