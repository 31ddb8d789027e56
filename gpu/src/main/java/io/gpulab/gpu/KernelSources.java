package io.gpulab.gpu;

import io.gpulab.api.BackendException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Loads the kernel sources, written once for OpenCL and CUDA, from the class path under
 * {@code io/gpulab/kernels/}.
 */
public final class KernelSources {

    /** The portability header every kernel source is compiled with. */
    public static final String HEADER = "gpulab_portable.h";
    /** The segmented sieve kernel. */
    public static final String SIEVE = "sieve.cl";
    /** The SHA-256 kernels. */
    public static final String SHA256 = "sha256.cl";
    /** The two blur passes. */
    public static final String BLUR = "blur.cl";

    private KernelSources() {
    }

    /**
     * Returns the text of one kernel resource.
     *
     * @throws BackendException when the resource is missing from the class path
     */
    public static String load(String name) {
        String path = "/io/gpulab/kernels/" + name;
        try (InputStream in = KernelSources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new BackendException("kernel source " + path + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BackendException("cannot read kernel source " + path + ": " + e.getMessage(), e);
        }
    }
}
