package io.gpulab.gpu.cuda;

import io.gpulab.api.BackendException;
import io.gpulab.api.DeviceOutOfMemoryException;
import java.lang.ref.Cleaner;
import java.lang.reflect.Field;
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
 * backend's own ones included) copies from it by DMA.
 *
 * <p>The buffer handed out is the root buffer JCuda made over the allocation (by JNI, in the pointer's private
 * {@code buffer} field, read once by reflection; {@code Pointer.getByteBuffer} only gives slices of it, which would
 * not keep it reachable). Every view of a root keeps the root reachable, so a {@link Cleaner} registered on it frees
 * the memory only when no view is left: no code can reach the memory after it is freed. Memory is allocated per
 * call, never reused (reuse would need a fresh root over old memory, which JCuda does not make); since it comes back
 * only after a garbage collection, which a heap with little else to do may not run for long, an allocation that
 * would take the live bytes past the JVM's heap limit first asks for a collection and waits briefly, as the JDK does
 * for its own direct buffers.
 */
final class CudaHostMemory {

    private static final Cleaner CLEANER = Cleaner.create();
    private static final Map<Integer, CUcontext> PRIMARY = new HashMap<>();
    private static final int GC_WAITS = 20;
    private static final long GC_WAIT_MILLIS = 5;
    private static long live;

    private CudaHostMemory() {
    }

    /**
     * Returns {@code bytes} of page-locked memory of device {@code ordinal} as a little-endian direct buffer; the
     * caller's context stays current.
     *
     * @throws DeviceOutOfMemoryException when the host cannot lock that much
     */
    static ByteBuffer allocate(int ordinal, long bytes) {
        if (bytes < 1 || bytes > Integer.MAX_VALUE - 8) {
            throw new DeviceOutOfMemoryException("cuda page-locked host memory", bytes, Integer.MAX_VALUE - 8);
        }
        CUcontext primary = primary(ordinal);
        makeRoom(bytes);
        Pointer p = new Pointer();
        JCudaDriver.cuCtxPushCurrent(primary);
        try {
            JCudaDriver.cuMemHostAlloc(p, bytes, JCudaDriver.CU_MEMHOSTALLOC_PORTABLE);
        } catch (CudaException e) {
            if (CudaErrors.code(e) == CUresult.CUDA_ERROR_OUT_OF_MEMORY) {
                throw new DeviceOutOfMemoryException("cuda page-locked host memory", bytes, 0);
            }
            throw e;
        } finally {
            JCudaDriver.cuCtxPopCurrent(new CUcontext());
        }
        ByteBuffer root = detachRoot(primary, p, bytes);
        synchronized (CudaHostMemory.class) {
            live += bytes;
        }
        CLEANER.register(root, () -> free(primary, p, bytes));
        return root.order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Takes the root buffer out of the pointer, so that the pointer kept for freeing does not keep it reachable. */
    private static ByteBuffer detachRoot(CUcontext primary, Pointer p, long bytes) {
        try {
            Field f = Pointer.class.getDeclaredField("buffer");
            f.setAccessible(true);
            Object root = f.get(p);
            if (!(root instanceof ByteBuffer b) || !b.isDirect() || b.capacity() < bytes) {
                throw new IllegalStateException("no direct buffer of " + bytes + " bytes in the pointer: " + root);
            }
            f.set(p, null);
            return (ByteBuffer) root;
        } catch (ReflectiveOperationException | RuntimeException e) {
            free(primary, p, 0);
            throw new BackendException("cuda: cannot take the buffer over page-locked memory from this JCuda ("
                    + e + ")", e);
        }
    }

    private static void makeRoom(long bytes) {
        long limit = Runtime.getRuntime().maxMemory();
        if (liveBytes() + bytes <= limit) {
            return;
        }
        System.gc();
        for (int i = 0; i < GC_WAITS && liveBytes() + bytes > limit; i++) {
            try {
                Thread.sleep(GC_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Returns the bytes allocated and not yet freed. */
    static synchronized long liveBytes() {
        return live;
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

    /** Frees the memory (on the cleaner's thread), with the primary context pushed for the call. */
    private static void free(CUcontext primary, Pointer p, long bytes) {
        try {
            JCudaDriver.cuCtxPushCurrent(primary);
            try {
                JCudaDriver.cuMemFreeHost(p);
            } finally {
                JCudaDriver.cuCtxPopCurrent(new CUcontext());
            }
        } catch (CudaException e) {
            // nothing is left to tell on the cleaner's thread; the primary context lives on: a leak at worst
            return;
        } finally {
            synchronized (CudaHostMemory.class) {
                live -= bytes;
            }
        }
    }
}
