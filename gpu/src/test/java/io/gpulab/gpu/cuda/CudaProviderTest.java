package io.gpulab.gpu.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.Availability;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.BackendUnavailableException;
import io.gpulab.api.Backends;
import io.gpulab.api.InvalidOptionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Checks what a machine without the NVIDIA driver sees: the provider loads, the probe names libcuda, open fails. */
class CudaProviderTest {

    @Test
    void providerIsFoundAndItsConstructorTouchesNoNativeCode() {
        BackendProvider p = Backends.find("cuda").orElseThrow();
        assertEquals("cuda", p.id());
        assertEquals(java.util.Set.of("blur", "sha256", "sieve"), p.tasks());
    }

    @Test
    void withoutTheDriverTheProbeNamesLibcudaOnOneLine() {
        Assumptions.assumeFalse(driverInstalled(), "libcuda.so.1 is installed here; this test is for machines "
                + "without the NVIDIA driver");
        BackendProvider p = new CudaProvider();
        Availability a = p.probe();
        assertFalse(a.available(), "cuda must be unavailable without libcuda.so.1");
        assertEquals("CUDA driver library not found (libcuda.so.1): no NVIDIA driver is installed here", a.reason());
        assertTrue(a.devices().isEmpty());
        assertSame(a, p.probe(), "the probe is cached");
    }

    @Test
    void withoutTheDriverOpenThrowsTheReasonWithoutAStackTraceInTheMessage() {
        Assumptions.assumeFalse(driverInstalled(), "libcuda.so.1 is installed here");
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> new CudaProvider().open(BackendOptions.defaults().withDevice("cuda:0")));
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().contains("libcuda.so.1"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void anUnknownDeviceOptionIsAUsageErrorBeforeTheDriverIsTouched() {
        BackendOptions d = BackendOptions.defaults();
        BackendOptions o = new BackendOptions("cuda:0", d.threads(), d.workers(), d.workerTimeout(),
                Map.of("cuda.maxChunkBytes", "1048576"));
        InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> new CudaProvider().open(o));
        assertTrue(e.getMessage().contains("cuda.maxChunkBytes") && e.getMessage().contains("device.maxBufferBytes"),
                e.getMessage());
    }

    @Test
    void aSecondProviderInstanceGetsTheSameReasonNotABareClassInitError() {
        Assumptions.assumeFalse(driverInstalled(), "libcuda.so.1 is installed here");
        String first = new CudaProvider().probe().reason();
        String second = new CudaProvider().probe().reason();
        assertEquals(first, second);
        assertFalse(second.contains("Could not initialize class"), second);
    }

    /** Returns true when libcuda.so.1 lies in a directory the dynamic loader searches. */
    static boolean driverInstalled() {
        List<String> dirs = new ArrayList<>(List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib",
                "/lib/x86_64-linux-gnu", "/lib64", "/usr/local/nvidia/lib64", "/usr/lib/wsl/lib"));
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            dirs.addAll(List.of(ld.split(":")));
        }
        return dirs.stream().filter(d -> !d.isEmpty()).anyMatch(d -> Files.exists(Path.of(d, "libcuda.so.1")));
    }
}
