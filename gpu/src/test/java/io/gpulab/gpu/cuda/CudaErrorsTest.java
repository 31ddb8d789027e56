package io.gpulab.gpu.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.BackendUnavailableException;
import jcuda.CudaException;
import jcuda.driver.CUresult;
import org.junit.jupiter.api.Test;

/** Checks the translation of JCuda failures into one-line reasons, which needs no driver. */
class CudaErrorsTest {

    @Test
    void missingDriverLibraryBecomesTheLibcudaLine() {
        UnsatisfiedLinkError e = new UnsatisfiedLinkError("Error while loading native library \"JCudaDriver-12.0.0"
                + "-linux-x86_64\"\n...\njava.lang.UnsatisfiedLinkError: /tmp/libJCudaDriver-12.0.0-linux-x86_64.so: "
                + "libcuda.so.1: cannot open shared object file: No such file or directory\n");
        assertEquals("CUDA driver library not found (libcuda.so.1): no NVIDIA driver is installed here",
                CudaErrors.loadFailure(e));
    }

    @Test
    void missingNativesForThePlatformAreNamed() {
        String r = CudaErrors.loadFailure(new UnsatisfiedLinkError("no JCudaDriver-12.0.0-windows-x86_64 in "
                + "java.library.path"));
        assertTrue(r.startsWith("JCuda has no native library for "), r);
    }

    @Test
    void otherLinkErrorsKeepTheirFirstLineOnly() {
        String r = CudaErrors.loadFailure(new UnsatisfiedLinkError("undefined symbol: cuFoo\nsecond line"));
        assertEquals("JCuda failed to load: java.lang.UnsatisfiedLinkError: undefined symbol: cuFoo", r);
        assertFalse(r.contains("\n"));
    }

    @Test
    void exceptionMessagesMapBackToTheirCodes() {
        assertEquals(CUresult.CUDA_ERROR_UNSUPPORTED_PTX_VERSION,
                CudaErrors.code(new CudaException("CUDA_ERROR_UNSUPPORTED_PTX_VERSION")));
        assertEquals(CUresult.CUDA_ERROR_OUT_OF_MEMORY, CudaErrors.code(new CudaException("CUDA_ERROR_OUT_OF_MEMORY")));
        assertEquals(CudaErrors.UNKNOWN, CudaErrors.code(new CudaException("something else")));
        assertEquals(CudaErrors.UNKNOWN, CudaErrors.code(new IllegalStateException("CUDA_ERROR_OUT_OF_MEMORY")));
        assertEquals("CUDA_ERROR_NO_DEVICE (100)", CudaErrors.describe(CUresult.CUDA_ERROR_NO_DEVICE));
    }

    @Test
    void onlyContextCorruptingErrorsAreSticky() {
        assertTrue(CudaErrors.sticky(CUresult.CUDA_ERROR_ILLEGAL_ADDRESS));
        assertTrue(CudaErrors.sticky(CUresult.CUDA_ERROR_LAUNCH_FAILED));
        assertFalse(CudaErrors.sticky(CUresult.CUDA_ERROR_OUT_OF_MEMORY));
        assertFalse(CudaErrors.sticky(CUresult.CUDA_ERROR_INVALID_VALUE));
        assertFalse(CudaErrors.sticky(CUresult.CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES));
    }

    @Test
    void driverVersionsReadAsCudaVersions() {
        assertEquals("12.4", CudaErrors.cudaVersion(12040));
        assertEquals("13.0", CudaErrors.cudaVersion(13000));
    }

    @Test
    void deviceIdsParseOrSayWhatIsAvailable() {
        assertEquals(0, CudaDevices.ordinal(null, 2));
        assertEquals(1, CudaDevices.ordinal("cuda:1", 2));
        BackendUnavailableException e = org.junit.jupiter.api.Assertions.assertThrows(
                BackendUnavailableException.class, () -> CudaDevices.ordinal("cuda:2", 2));
        assertEquals("no CUDA device cuda:2: this machine has 2 (cuda:0 to cuda:1)", e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(BackendUnavailableException.class,
                () -> CudaDevices.ordinal("opencl:0:0", 2));
    }
}
