package io.gpulab.gpu.cuda;

import io.gpulab.api.BackendException;
import io.gpulab.api.DeviceOutOfMemoryException;
import io.gpulab.api.Phase;
import io.gpulab.gpu.device.Device;
import io.gpulab.gpu.device.KernelSpec;
import java.util.HashMap;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import jcuda.CudaException;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.CUresult;
import jcuda.driver.CUstream;
import jcuda.driver.JCudaDriver;

/**
 * One CUDA context of this backend on one device, with its streams and loaded modules, and the recovery from
 * sticky errors.
 *
 * <p>The backend creates its own context instead of retaining the device's primary context: after a sticky error
 * (an illegal address, a failed launch) a context is unusable until destroyed, and destroying our own context
 * leaves other users of the device in this JVM alone, where resetting the primary context would not. Everything
 * allocated in a context dies with it, so buffers and events remember the {@link #generation()} they were made in
 * and are made again after a recovery.
 */
final class CudaContext implements AutoCloseable {

    private final int ordinal;
    private final CUdevice device = new CUdevice();
    private final int computeMajor;
    private final int computeMinor;
    private final Map<String, CUmodule> modules = new HashMap<>();
    private final Map<String, CUfunction> functions = new HashMap<>();
    private final Map<Phase, Double> setupPhases = new EnumMap<>(Phase.class);
    private CUcontext context;
    private CUstream[] streams;
    private int generation;

    /** Creates a context and its streams on the device with this ordinal; the driver must be initialized. */
    CudaContext(int ordinal) {
        this.ordinal = ordinal;
        JCudaDriver.cuDeviceGet(device, ordinal);
        computeMajor = attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR);
        computeMinor = attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR);
        create();
    }

    private void create() {
        long t0 = System.nanoTime();
        context = new CUcontext();
        JCudaDriver.cuCtxCreate(context, 0, device);
        streams = new CUstream[Device.QUEUES];
        for (int q = 0; q < streams.length; q++) {
            streams[q] = new CUstream();
            JCudaDriver.cuStreamCreate(streams[q], 0);
        }
        setupPhases.merge(Phase.CONTEXT, (System.nanoTime() - t0) / 1e9, Double::sum);
    }

    /** Returns the device ordinal N of {@code cuda:N}. */
    int ordinal() {
        return ordinal;
    }

    /** Returns the compute capability as {@code major * 10 + minor}, such as 90 for an H100. */
    int computeCapability() {
        return computeMajor * 10 + computeMinor;
    }

    /** Returns how many times the context was created; buffers of an older generation are gone. */
    int generation() {
        return generation;
    }

    /** Returns stream {@code q}, one per queue of the device layer; copies and launches are ordered on them. */
    CUstream stream(int q) {
        return streams[q];
    }

    /** Makes this context current on the calling thread; CUDA binds contexts per thread and callers may vary. */
    void makeCurrent() {
        JCudaDriver.cuCtxSetCurrent(context);
    }

    /** Returns the seconds of the one-off phases so far: context creation, PTX JIT or NVRTC compile, by name. */
    Map<Phase, Double> setupPhases() {
        return new EnumMap<>(setupPhases);
    }

    /** Returns a kernel function, loading its module (the PTX of one kernel source) on first use. */
    CUfunction function(KernelSpec spec) {
        CUfunction f = functions.get(spec.name());
        if (f == null) {
            CUmodule m = modules.get(spec.module());
            if (m == null) {
                m = CudaModules.load(spec.module(), computeCapability(), setupPhases);
                modules.put(spec.module(), m);
            }
            f = new CUfunction();
            JCudaDriver.cuModuleGetFunction(f, m, spec.name());
            functions.put(spec.name(), f);
        }
        return f;
    }

    /**
     * Returns the per-buffer byte budget that split inputs are planned by: {@code cap}, at most a quarter of the
     * free device memory (a launch holds at most four large buffers, the rule the opencl backend follows too).
     */
    long budget(long cap) {
        return Math.max(1, Math.min(cap, freeBytes() / 4));
    }

    /** Returns the bytes of device memory free now, as {@code cuMemGetInfo} reports them. */
    long freeBytes() {
        long[] free = new long[1];
        long[] total = new long[1];
        JCudaDriver.cuMemGetInfo(free, total);
        return free[0];
    }

    /**
     * Runs CUDA work, turning its failures into backend exceptions (allocations throw the typed
     * {@link DeviceOutOfMemoryException} themselves, see {@link CudaBuffer}); a sticky error destroys and
     * re-creates the context so that the next job runs, and says so in the message.
     */
    synchronized <T> T guard(String operation, Supplier<T> work) {
        makeCurrent();
        try {
            return work.get();
        } catch (CudaException e) {
            int code = CudaErrors.code(e);
            if (!CudaErrors.sticky(code)) {
                settle();
            }
            if (code == CUresult.CUDA_ERROR_OUT_OF_MEMORY) {
                throw new BackendException("cuda: " + operation + " ran out of device memory ("
                        + freeBytesOrMinusOne() + " bytes free)", e);
            }
            if (CudaErrors.sticky(code)) {
                try {
                    recover();
                } catch (CudaException again) {
                    throw new BackendException("cuda: " + operation + " failed: " + CudaErrors.describe(code)
                            + ", and the CUDA context could not be created again: "
                            + CudaErrors.describe(CudaErrors.code(again)), e);
                }
                throw new BackendException("cuda: " + operation + " failed: " + CudaErrors.describe(code)
                        + "; the CUDA context was destroyed and created again for the next job", e);
            }
            throw CudaErrors.wrap(operation, e);
        } catch (RuntimeException e) {
            settle();
            throw e;
        }
    }

    /**
     * Waits for the work a failed job left on the streams, so that no copy into the caller's memory (a direct image,
     * page-locked memory the caller may free) and no kernel on a buffer about to be closed outlives the failure. A
     * sticky error found here (a kernel that faulted before the host failed) makes a fresh context now, not in the
     * next job; any other is the failed job's and left unreported beside the failure being thrown.
     */
    private void settle() {
        try {
            JCudaDriver.cuCtxSynchronize();
        } catch (CudaException e) {
            if (CudaErrors.sticky(CudaErrors.code(e))) {
                recoverQuietly();
            }
        }
    }

    private void recoverQuietly() {
        try {
            recover();
        } catch (CudaException e) {
            // the next job's first call reports that the context could not be created again
            return;
        }
    }

    private long freeBytesOrMinusOne() {
        try {
            return freeBytes();
        } catch (CudaException e) {
            return -1;
        }
    }

    /** Destroys the (corrupted) context, ignoring the errors it reports, and creates a fresh one. */
    void recover() {
        destroyQuietly();
        modules.clear();
        functions.clear();
        generation++;
        create();
        makeCurrent();
    }

    private void destroyQuietly() {
        try {
            JCudaDriver.cuCtxDestroy(context);
        } catch (CudaException e) {
            // A corrupted context may report the sticky error again while being destroyed; it is gone either way.
            return;
        }
    }

    private int attribute(int attribute) {
        int[] v = new int[1];
        JCudaDriver.cuDeviceGetAttribute(v, attribute, device);
        return v[0];
    }

    /**
     * Destroys the context; the generation moves on, so that buffers and events of the destroyed context, freed with
     * it, are never freed again (a kernel closed after its backend).
     */
    @Override
    public void close() {
        if (context != null) {
            destroyQuietly();
            context = null;
            modules.clear();
            functions.clear();
            generation++;
        }
    }
}
