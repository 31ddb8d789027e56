package io.gpulab.gpu.cuda;

/**
 * Names one kernel of the shipped PTX and the arguments the host passes it, so that a test can check the host
 * against the PTX without a GPU.
 *
 * @param module the kernel source and PTX resource name without extension: {@code sieve}, {@code sha256}, {@code blur}
 * @param name the kernel's (C linkage) name, equal in OpenCL and PTX
 * @param signature one letter per argument: {@code p} device pointer, {@code l} 64-bit integer, {@code i} 32-bit
 *     integer, {@code f} 32-bit float
 */
record CudaKernelSpec(String module, String name, String signature) {

    /** Returns the byte size PTX gives the argument at this position: 8 for pointers and 64-bit integers, else 4. */
    int argumentBytes(int index) {
        char c = signature.charAt(index);
        return c == 'p' || c == 'l' ? 8 : 4;
    }
}
