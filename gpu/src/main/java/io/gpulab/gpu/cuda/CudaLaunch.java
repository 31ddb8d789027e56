package io.gpulab.gpu.cuda;

import io.gpulab.api.BackendException;
import java.util.ArrayList;
import java.util.List;
import jcuda.NativePointerObject;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.JCudaDriver;

/** Collects the arguments of one kernel launch, checked letter by letter against the kernel's signature. */
final class CudaLaunch {

    private final CudaContext context;
    private final CudaKernelSpec spec;
    private final List<NativePointerObject> args = new ArrayList<>();
    private final StringBuilder given = new StringBuilder();

    private CudaLaunch(CudaContext context, CudaKernelSpec spec) {
        this.context = context;
        this.spec = spec;
    }

    /** Starts the launch of this kernel in this context. */
    static CudaLaunch of(CudaContext context, CudaKernelSpec spec) {
        return new CudaLaunch(context, spec);
    }

    /** Adds a device pointer argument. */
    CudaLaunch pointer(CUdeviceptr p) {
        args.add(Pointer.to(p));
        given.append('p');
        return this;
    }

    /** Adds a 64-bit integer argument ({@code u64} in the kernel). */
    CudaLaunch u64(long v) {
        args.add(Pointer.to(new long[] {v}));
        given.append('l');
        return this;
    }

    /** Adds a 32-bit integer argument ({@code u32} or {@code int} in the kernel). */
    CudaLaunch u32(int v) {
        args.add(Pointer.to(new int[] {v}));
        given.append('i');
        return this;
    }

    /** Adds a 32-bit float argument. */
    CudaLaunch f32(float v) {
        args.add(Pointer.to(new float[] {v}));
        given.append('f');
        return this;
    }

    /**
     * Launches a grid of {@code gridX x gridY} blocks of {@code blockX x blockY} threads on the context's stream.
     *
     * @throws BackendException when the arguments do not match the kernel's signature
     */
    void run(int gridX, int gridY, int blockX, int blockY) {
        if (!given.toString().equals(spec.signature())) {
            throw new BackendException("cuda: kernel " + spec.name() + " takes (" + spec.signature()
                    + ") but the host passed (" + given + ")");
        }
        if (gridX <= 0 || gridY <= 0) {
            return;
        }
        JCudaDriver.cuLaunchKernel(context.function(spec), gridX, gridY, 1, blockX, blockY, 1, 0, context.stream(),
                Pointer.to(args.toArray(new NativePointerObject[0])), null);
    }
}
