package io.gpulab.gpu.device;

import io.gpulab.api.BackendException;

/**
 * Names one kernel of the shared sources and the arguments the host passes it, so that every launch is checked
 * against it on both runtimes, and a test can check it against the shipped PTX without a GPU.
 *
 * @param module the kernel source (and PTX resource) name without extension: {@code sieve}, {@code sha256},
 *     {@code blur}
 * @param name the kernel's (C linkage) name, equal in OpenCL and PTX
 * @param signature one letter per argument: {@code p} buffer, {@code l} 64-bit integer, {@code i} 32-bit integer,
 *     {@code f} 32-bit float
 */
public record KernelSpec(String module, String name, String signature) {

    /** Returns the byte size PTX gives the argument at this position: 8 for pointers and 64-bit integers, else 4. */
    public int argumentBytes(int index) {
        char c = signature.charAt(index);
        return c == 'p' || c == 'l' ? 8 : 4;
    }

    /** Returns the class-path resource of the kernel source, such as {@code sieve.cl}. */
    public String source() {
        return module + ".cl";
    }

    /**
     * Checks launch arguments against the signature.
     *
     * @throws BackendException naming the kernel, the signature and what the host passed when they differ
     */
    public void check(Object... args) {
        StringBuilder given = new StringBuilder();
        for (Object a : args) {
            given.append(letter(a));
        }
        if (!given.toString().equals(signature)) {
            throw new BackendException("kernel " + name + " takes (" + signature + ") but the host passed ("
                    + given + ")");
        }
    }

    private static char letter(Object a) {
        if (a instanceof DeviceBuffer || a instanceof DeviceBuffer.Slice) {
            return 'p';
        }
        if (a instanceof Long) {
            return 'l';
        }
        if (a instanceof Integer) {
            return 'i';
        }
        if (a instanceof Float) {
            return 'f';
        }
        return '?';
    }
}
