package io.gpulab.gpu.cuda;

import io.gpulab.api.DeviceOutOfMemoryException;
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
 * PCIe or NVLink speed and lets {@code cuMemcpyHtoDAsync} really be asynchronous; pageable Java arrays would be
 * staged through a driver buffer first. Both halves belong to the context: after the context is re-created
 * (see {@link CudaContext#recover}) they are allocated again on next use, never freed twice.
 */
final class CudaBuffer implements AutoCloseable {

    private final CudaContext context;
    private final String what;
    private final boolean pinned;
    private CUdeviceptr device;
    private Pointer host;
    private long capacity;
    private int generation = -1;

    /**
     * Creates an empty buffer named for error messages.
     *
     * @param pinned whether a pinned host buffer accompanies the device buffer (false for device-only scratch)
     */
    CudaBuffer(CudaContext context, String what, boolean pinned) {
        this.context = context;
        this.what = what;
        this.pinned = pinned;
    }

    /**
     * Makes room for {@code bytes}, reallocating (contents lost) when smaller.
     *
     * @throws DeviceOutOfMemoryException when the device has fewer free bytes than needed
     */
    void ensure(long bytes) {
        if (generation != context.generation()) {
            device = null;
            host = null;
            capacity = 0;
            generation = context.generation();
        }
        long want = Math.max(bytes, 8);
        if (want <= capacity) {
            return;
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
    }

    /** Returns the device pointer. */
    CUdeviceptr device() {
        return device;
    }

    /** Returns a little-endian view of the first {@code bytes} of the pinned host buffer. */
    ByteBuffer hostView(long bytes) {
        return host.getByteBuffer(0, bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Enqueues the copy of the first {@code bytes} of the pinned host buffer to the device. */
    void upload(long bytes) {
        if (bytes > 0) {
            JCudaDriver.cuMemcpyHtoDAsync(device, host, bytes, context.stream());
        }
    }

    /** Enqueues the copy of the first {@code bytes} of the device buffer to the pinned host buffer. */
    void download(long bytes) {
        if (bytes > 0) {
            JCudaDriver.cuMemcpyDtoHAsync(host, device, bytes, context.stream());
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
        if (generation == context.generation()) {
            context.makeCurrent();
            release();
        }
    }
}
