package io.gpulab.gpu.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Checks the reason given when OpenCL cannot load, without unloading anything: the errors are built with the
 * message JOCL 2.0.6 throws ({@code LibInitializer}) when neither OpenCL library name loads.
 */
class OpenClProviderTest {

    private static final String JOCL_MESSAGE = "Could not initialize native OpenCL library. Implementation library "
            + "could not be loaded";

    @Test
    void missingOpenClLibraryNamesBothNamesAndThePackages() {
        String reason = OpenClProvider.libraryNotFound(new UnsatisfiedLinkError(JOCL_MESSAGE));
        assertTrue(reason.startsWith("OpenCL library not found"), reason);
        for (String expected : new String[] {"libOpenCL.so and libOpenCL.so.1", "ocl-icd-libopencl1",
            "pocl-opencl-icd"}) {
            assertTrue(reason.contains(expected), "'" + expected + "' missing from: " + reason);
        }
        assertFalse(reason.contains("ocl-icd-opencl-dev"), "the -dev package is no longer needed: " + reason);
    }

    @Test
    void laterCallsSeeTheSameReasonThroughTheClassInitFailure() {
        NoClassDefFoundError later = new NoClassDefFoundError("Could not initialize class org.jocl.CL");
        later.initCause(new ExceptionInInitializerError("Exception java.lang.UnsatisfiedLinkError: " + JOCL_MESSAGE
                + " [in thread \"main\"]"));
        assertEquals(OpenClProvider.libraryNotFound(new UnsatisfiedLinkError(JOCL_MESSAGE)),
                OpenClProvider.libraryNotFound(later));
    }

    @Test
    void otherLinkFailuresAreReportedAsTheyAre() {
        String reason = OpenClProvider.libraryNotFound(new UnsatisfiedLinkError("no JOCL_2_0_6-linux-x86_64 in "
                + "java.library.path"));
        assertTrue(reason.contains("no JOCL_2_0_6-linux-x86_64"), reason);
        assertFalse(reason.contains("ocl-icd-libopencl1"), "no OpenCL hint for a JOCL failure: " + reason);
    }
}
