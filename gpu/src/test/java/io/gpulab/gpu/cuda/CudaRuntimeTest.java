package io.gpulab.gpu.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.Backend;
import io.gpulab.api.Kernel;
import io.gpulab.api.Task;
import io.gpulab.api.Verdict;
import io.gpulab.cpu.seq.SeqBackend;
import io.gpulab.gpu.GpuBackend;
import io.gpulab.gpu.GpuBackendChecks;
import io.gpulab.gpu.device.Device;
import io.gpulab.gpu.device.DeviceBuffer;
import io.gpulab.gpu.device.DeviceEvent;
import io.gpulab.gpu.device.DeviceOptions;
import io.gpulab.images.Image;
import io.gpulab.images.SyntheticImages;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurOutput;
import io.gpulab.tasks.BlurSpec;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveOutput;
import io.gpulab.tasks.Tasks;
import java.nio.ByteBuffer;
import java.util.List;
import jcuda.CudaException;
import jcuda.Pointer;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;
import org.junit.jupiter.api.Test;

/**
 * Runs the checks of the shared host path's order of work on the CUDA runtime: aborts with the probe's reason where
 * there is no NVIDIA driver or device, and fails instead when {@code -Dgpulab.requireBackends=cuda}. The CUDA-only
 * checks: the host memory of direct copies is page-locked, portable and outlives the runtime's context, the two
 * streams copy through it in the order their events give, kernels run again after the context is re-created (as after a
 * sticky error), a failed job leaves no copy in flight, and a buffer closed after its runtime frees nothing twice.
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

    @Test
    void kernelsRunAgainAfterTheContextIsCreatedAgainAsAfterAStickyError() {
        SieveInput range = SieveInput.count(1_000_000_000L, 1_010_000_000L);
        Image heap = SyntheticImages.generate(640, 480, 4, 9);
        CudaRuntime rt = (CudaRuntime) openDevice();
        try (Backend b = new GpuBackend(rt); Kernel<SieveInput, SieveOutput> sieve = b.prepare(Tasks.SIEVE, range)) {
            // page-locked memory of the primary context, taken before the re-creation
            BlurInput photo = new BlurInput(List.of(b.hostImage(heap)), BlurSpec.gaussian(2));
            try (Kernel<BlurInput, BlurOutput> blur = b.prepare(Tasks.BLUR, photo)) {
                assertEquals(seq(Tasks.SIEVE, range), sieve.run(range));
                int generation = rt.context().generation();
                rt.guard("re-create the context", () -> {
                    rt.context().recover();
                    return null;
                });
                assertEquals(generation + 1, rt.context().generation());
                // modules, buffers (the sieving primes uploaded in prepare), streams and events are all made again
                assertEquals(seq(Tasks.SIEVE, range), sieve.run(range), "the sieve after the re-creation");
                Verdict v = Tasks.BLUR.compare(seq(Tasks.BLUR, new BlurInput(List.of(heap), BlurSpec.gaussian(2))),
                        blur.run(photo));
                assertTrue(v.ok(), "the blur after the re-creation, from the older memory: " + v);
            }
        }
    }

    @Test
    void aBufferClosedAfterItsRuntimeFreesNothing() {
        CudaRuntime rt = (CudaRuntime) openDevice();
        DeviceBuffer b = rt.buffer("closed late", DeviceBuffer.Access.OUT);
        rt.guard("allocate", () -> b.ensure(1 << 20));
        rt.close();
        // its memory went with the context; closing it must not touch the driver (it threw before)
        b.close();
        assertEquals(0, b.capacity());
    }

    private static <I, O> O seq(Task<I, O> task, I input) {
        try (Backend seq = new SeqBackend(); Kernel<I, O> k = seq.prepare(task, input)) {
            return k.run(input);
        }
    }

    @Override
    protected boolean completed(Device device, DeviceEvent marker) {
        try {
            JCudaDriver.cuEventQuery(CudaRuntime.event(marker));
            return true;
        } catch (CudaException e) {
            if (CudaErrors.code(e) == CUresult.CUDA_ERROR_NOT_READY) {
                return false;
            }
            throw e;
        }
    }

    @Override
    protected Device openDevice(long maxBufferBytes) {
        return new CudaRuntime(0, new DeviceOptions(maxBufferBytes));
    }
}
