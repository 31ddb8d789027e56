package io.gpulab.gpu.cuda;

import io.gpulab.api.BackendException;
import io.gpulab.api.DeviceOutOfMemoryException;
import io.gpulab.api.Phase;
import io.gpulab.gpu.device.DeviceBuffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jcuda.CudaException;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;

/**
 * A growable buffer of device memory paired with a pinned host buffer of the same capacity for its transfers.
 *
 * <p>Pinned (page-locked) host memory from {@code cuMemAllocHost} lets the copy engine transfer by DMA at full
 * PCIe or NVLink speed and lets the asynchronous copies really be asynchronous. Both halves belong to the context:
 * after the context is re-created (see {@link CudaContext#recover}) they are allocated again on next use, never
 * freed twice. The direct copies read and write the caller's memory instead (a direct image's), which is
 * asynchronous only when that memory is page-locked ({@link CudaRuntime#hostMemory}); pageable memory makes the
 * driver copy synchronously through its own staging.
 */
final class CudaBuffer implements DeviceBuffer {

    private final CudaRuntime runtime;
    private final String what;
    private final boolean pinned;
    private CUdeviceptr device;
    private Pointer host;
    private long capacity;
    private int generation = -1;

    /** Creates an empty buffer named for error messages; {@code SCRATCH} buffers get no pinned half. */
    CudaBuffer(CudaRuntime runtime, String what, Access access) {
        this.runtime = runtime;
        this.what = what;
        this.pinned = access != Access.SCRATCH;
    }

    @Override
    public boolean ensure(long bytes) {
        CudaContext context = runtime.context();
        boolean lost = false;
        if (generation != context.generation()) {
            device = null;
            host = null;
            capacity = 0;
            generation = context.generation();
            lost = true;
        }
        long want = Math.max(bytes, 8);
        if (want <= capacity) {
            return lost;
        }
        release();
        long free = context.freeBytes();
        if (want > free) {
            throw new DeviceOutOfMemoryException("cuda " + what, want, free);
        }
        CUdeviceptr d = new CUdeviceptr();
        try {
            JCudaDriver.cuMemAlloc(d, want);
        } catch (CudaException e) {
            if (CudaErrors.code(e) == CUresult.CUDA_ERROR_OUT_OF_MEMORY) {
                throw new DeviceOutOfMemoryException("cuda " + what, want, context.freeBytes());
            }
            throw e;
        }
        device = d;
        if (pinned) {
            Pointer h = new Pointer();
            JCudaDriver.cuMemAllocHost(h, want);
            host = h;
        }
        capacity = want;
        return true;
    }

    @Override
    public long capacity() {
        return capacity;
    }

    /** Returns the device pointer {@code offset} bytes in. */
    CUdeviceptr device(long offset) {
        return offset == 0 ? device : device.withByteOffset(offset);
    }

    @Override
    public ByteBuffer host() {
        if (host == null) {
            throw new BackendException("cuda " + what + " has no pinned host buffer");
        }
        return host.getByteBuffer(0, capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public void upload(long bytes) {
        if (bytes > 0) {
            runtime.timed(Phase.UPLOAD, () -> JCudaDriver.cuMemcpyHtoDAsync(device, host, bytes,
                    runtime.stream()));
        }
    }

    @Override
    public void download(long offset, long bytes) {
        if (bytes > 0) {
            runtime.timed(Phase.DOWNLOAD, () -> JCudaDriver.cuMemcpyDtoHAsync(host.withByteOffset(offset),
                    device(offset), bytes, runtime.stream()));
        }
    }

    @Override
    public void upload(ByteBuffer from, long hostOffset, long bytes) {
        DeviceBuffer.checkHost("cuda " + what, from, hostOffset, bytes);
        if (bytes > 0) {
            Pointer h = Pointer.to(from.duplicate().clear()).withByteOffset(hostOffset);
            runtime.timed(Phase.UPLOAD, () -> JCudaDriver.cuMemcpyHtoDAsync(device, h, bytes,
                    runtime.stream()));
        }
    }

    @Override
    public void download(long offset, long bytes, ByteBuffer to, long hostOffset) {
        DeviceBuffer.checkHost("cuda " + what, to, hostOffset, bytes);
        if (bytes > 0) {
            Pointer h = Pointer.to(to.duplicate().clear()).withByteOffset(hostOffset);
            runtime.timed(Phase.DOWNLOAD, () -> JCudaDriver.cuMemcpyDtoHAsync(h, device(offset), bytes,
                    runtime.stream()));
        }
    }

    private void release() {
        if (device != null) {
            JCudaDriver.cuMemFree(device);
            device = null;
        }
        if (host != null) {
            JCudaDriver.cuMemFreeHost(host);
            host = null;
        }
        capacity = 0;
    }

    /** Frees both halves if they still belong to the live context. */
    @Override
    public void close() {
        CudaContext context = runtime.context();
        if (generation == context.generation()) {
            context.makeCurrent();
            release();
        }
        device = null;
        host = null;
        capacity = 0;
    }
}
