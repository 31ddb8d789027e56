package io.gpulab.gpu.cuda;

import jcuda.CudaException;
import jcuda.driver.JCudaDriver;

/**
 * Loads JCuda and initializes the CUDA driver once per JVM, remembering why that failed.
 *
 * <p>The first failure must be kept: a JVM reports a failed static initializer only once, with its cause; every
 * later touch of {@link JCudaDriver} throws a bare "Could not initialize class" that names nothing.
 */
final class CudaDriver {

    private static final Object LOCK = new Object();
    private static boolean attempted;
    private static String failure;
    private static int driverVersion;

    private CudaDriver() {
    }

    /** Loads the native libraries and calls {@code cuInit(0)} once; returns null on success, else the reason. */
    static String initialize() {
        synchronized (LOCK) {
            if (!attempted) {
                attempted = true;
                failure = tryInitialize();
            }
            return failure;
        }
    }

    /** Returns the driver's version number, such as 12040 for CUDA 12.4; 0 before a successful initialization. */
    static int driverVersion() {
        synchronized (LOCK) {
            return driverVersion;
        }
    }

    private static String tryInitialize() {
        try {
            // Exception mode is global in JCuda; every call of this backend relies on it (STYLE.md section 2).
            JCudaDriver.setExceptionsEnabled(true);
            int[] version = new int[1];
            JCudaDriver.cuDriverGetVersion(version);
            driverVersion = version[0];
            JCudaDriver.cuInit(0);
            return null;
        } catch (CudaException e) {
            int code = CudaErrors.code(e);
            if (code == jcuda.driver.CUresult.CUDA_ERROR_NO_DEVICE) {
                return "no CUDA device found (driver supports CUDA " + CudaErrors.cudaVersion(driverVersion) + ")";
            }
            return CudaErrors.loadFailure(e) + (driverVersion > 0
                    ? " (driver supports CUDA " + CudaErrors.cudaVersion(driverVersion) + ")" : "");
        } catch (LinkageError e) {
            return CudaErrors.loadFailure(e);
        }
    }
}
