package io.gpulab.gpu.cuda;

import io.gpulab.gpu.device.DeviceFunction;
import io.gpulab.gpu.device.KernelSpec;

/**
 * A kernel of the shipped PTX; the {@code CUfunction} itself is looked up in the live context at each launch, so
 * that a context re-created after a sticky error loads its module again.
 *
 * @param spec the kernel
 */
record CudaFunction(KernelSpec spec) implements DeviceFunction {

    @Override
    public void close() {
        // the module belongs to the context, which unloads it when destroyed
    }
}
