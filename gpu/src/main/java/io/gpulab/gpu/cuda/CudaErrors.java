package io.gpulab.gpu.cuda;

import io.gpulab.api.BackendException;
import jcuda.CudaException;
import jcuda.driver.CUresult;

/**
 * Turns the ways JCuda fails into one readable line and tells which CUDA errors leave a context unusable.
 *
 * <p>Pure Java apart from {@link CUresult#stringFor}, so that it can be unit-tested on a machine without a driver.
 */
final class CudaErrors {

    /** The code used when an exception message names no CUresult. */
    static final int UNKNOWN = -1;

    private static final String DRIVER_LIBRARY = "libcuda.so.1";

    private CudaErrors() {
    }

    /**
     * Returns the one-line reason for a failure to load JCuda or the driver: the missing libcuda.so.1 (no NVIDIA
     * driver) is by far the most common and gets its own wording.
     */
    static String loadFailure(Throwable t) {
        String text = fullText(t);
        if (text.contains(DRIVER_LIBRARY) || text.contains("libcuda.so")) {
            return "CUDA driver library not found (" + DRIVER_LIBRARY + "): no NVIDIA driver is installed here";
        }
        if (text.contains("no JCudaDriver")) {
            return "JCuda has no native library for " + System.getProperty("os.name") + "/"
                    + System.getProperty("os.arch") + " on the class path (jcuda-natives linux-x86_64 only)";
        }
        if (t instanceof CudaException) {
            return "CUDA driver failed to initialize: " + describe(code(t));
        }
        return "JCuda failed to load: " + firstLine(text);
    }

    /** Returns the CUresult code named by a JCuda exception message, or {@link #UNKNOWN}. */
    static int code(Throwable t) {
        if (!(t instanceof CudaException) || t.getMessage() == null) {
            return UNKNOWN;
        }
        String name = t.getMessage().trim();
        int space = name.indexOf(' ');
        if (space > 0) {
            name = name.substring(0, space);
        }
        // CUresult codes are below 1000; JCuda's exception carries only the name, so map it back.
        for (int c = 0; c < 1000; c++) {
            if (name.equals(CUresult.stringFor(c))) {
                return c;
            }
        }
        return UNKNOWN;
    }

    /** Returns the name and number of a CUresult code, such as {@code CUDA_ERROR_OUT_OF_MEMORY (2)}. */
    static String describe(int code) {
        return code == UNKNOWN ? "unknown CUDA error" : CUresult.stringFor(code) + " (" + code + ")";
    }

    /**
     * Returns true when a CUDA error is sticky: the context is corrupted and every later call fails until it is
     * destroyed and created again (CUDA driver API documentation, "CUresult").
     */
    static boolean sticky(int code) {
        return code == CUresult.CUDA_ERROR_ILLEGAL_ADDRESS
                || code == CUresult.CUDA_ERROR_LAUNCH_TIMEOUT
                || code == CUresult.CUDA_ERROR_ASSERT
                || code == CUresult.CUDA_ERROR_HARDWARE_STACK_ERROR
                || code == CUresult.CUDA_ERROR_ILLEGAL_INSTRUCTION
                || code == CUresult.CUDA_ERROR_MISALIGNED_ADDRESS
                || code == CUresult.CUDA_ERROR_INVALID_ADDRESS_SPACE
                || code == CUresult.CUDA_ERROR_INVALID_PC
                || code == CUresult.CUDA_ERROR_LAUNCH_FAILED;
    }

    /** Wraps a JCuda exception into a backend exception that names the operation and the CUDA error. */
    static BackendException wrap(String operation, CudaException e) {
        return new BackendException("cuda: " + operation + " failed: " + describe(code(e)), e);
    }

    /** Returns the CUDA version a driver version number stands for, such as {@code 12.4} for 12040. */
    static String cudaVersion(int driverVersion) {
        return driverVersion / 1000 + "." + driverVersion % 1000 / 10;
    }

    private static String fullText(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            sb.append(c.getClass().getName()).append(": ").append(c.getMessage()).append('\n');
        }
        return sb.toString();
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).trim();
    }
}
