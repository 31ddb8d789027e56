package io.gpulab.gpu.opencl;

import static org.jocl.CL.clReleaseKernel;

import io.gpulab.gpu.device.DeviceFunction;
import io.gpulab.gpu.device.KernelSpec;
import org.jocl.cl_kernel;

/**
 * One OpenCL kernel object of a cached program; kernel objects hold their arguments, so each user gets its own.
 *
 * @param spec the kernel
 * @param kernel the kernel object
 */
record OpenClFunction(KernelSpec spec, cl_kernel kernel) implements DeviceFunction {

    @Override
    public void close() {
        clReleaseKernel(kernel);
    }
}
