package io.gpulab.gpu.cuda;

import io.gpulab.api.DeviceOutOfMemoryException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import jcuda.CudaException;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;

/**
 * Page-locked host memory for the direct copies ({@code Device.hostMemory}), whose lifetime is the Java buffer's.
 *
 * <p>{@code cuMemHostAlloc} memory belongs to the context that allocated it and dies with it; a backend's own
 * context is destroyed when the backend closes or recovers from a sticky error, while an image in that memory may be
 * in the user's hands long after. So the memory is allocated in the device's primary context, retained here once
 * for the life of the process and never destroyed, with {@code CU_MEMHOSTALLOC_PORTABLE} so that every context (the
 * backend's own ones included) copies from it by DMA. The Java buffer over it is a root buffer made by JNI, which
 * every view of it keeps reachable; a {@link Cleaner} frees the memory once no view is left, so no code can reach it
 * after it is freed.
 */
final class CudaHostMemory {

    private static final Cleaner CLEANER = Cleaner.create();
    private static final Map<Integer, CUcontext> PRIMARY = new HashMap<>();

    private CudaHostMemory() {
    }

    /**
     * Returns {@code bytes} of page-locked memory of device {@code ordinal} as a little-endian direct buffer; the
     * caller's context stays current.
     *
     * @throws DeviceOutOfMemoryException when the host cannot lock that much
     */
    static ByteBuffer allocate(int ordinal, long bytes) {
        if (bytes < 0 || bytes > Integer.MAX_VALUE - 8) {
            throw new DeviceOutOfMemoryException("cuda page-locked host memory", bytes, Integer.MAX_VALUE - 8);
        }
        CUcontext primary = primary(ordinal);
        Pointer p = new Pointer();
        JCudaDriver.cuCtxPushCurrent(primary);
        try {
            JCudaDriver.cuMemHostAlloc(p, Math.max(1, bytes), JCudaDriver.CU_MEMHOSTALLOC_PORTABLE);
        } catch (CudaException e) {
            if (CudaErrors.code(e) == CUresult.CUDA_ERROR_OUT_OF_MEMORY) {
                throw new DeviceOutOfMemoryException("cuda page-locked host memory", bytes, 0);
            }
            throw e;
        } finally {
            JCudaDriver.cuCtxPopCurrent(new CUcontext());
        }
        ByteBuffer b = p.getByteBuffer(0, bytes).order(ByteOrder.LITTLE_ENDIAN);
        CLEANER.register(b, () -> free(primary, p));
        return b;
    }

    private static synchronized CUcontext primary(int ordinal) {
        return PRIMARY.computeIfAbsent(ordinal, o -> {
            CUdevice d = new CUdevice();
            JCudaDriver.cuDeviceGet(d, o);
            CUcontext c = new CUcontext();
            JCudaDriver.cuDevicePrimaryCtxRetain(c, d);
            return c;
        });
    }

    /** Frees the memory on the cleaner's thread, where the primary context is pushed for the call. */
    private static void free(CUcontext primary, Pointer p) {
        try {
            JCudaDriver.cuCtxPushCurrent(primary);
            try {
                JCudaDriver.cuMemFreeHost(p);
            } finally {
                JCudaDriver.cuCtxPopCurrent(new CUcontext());
            }
        } catch (CudaException e) {
            // nothing is left to tell on the cleaner's thread; the primary context lives on, so this is a leak at worst
            return;
        }
    }
}
