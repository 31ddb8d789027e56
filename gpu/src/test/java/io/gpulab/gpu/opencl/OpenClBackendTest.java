package io.gpulab.gpu.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendException;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.BackendUnavailableException;
import io.gpulab.api.DeviceInfo;
import io.gpulab.api.InvalidOptionException;
import io.gpulab.api.Kernel;
import io.gpulab.api.Phase;
import io.gpulab.conformance.RequireBackend;
import io.gpulab.gpu.device.DeviceOptions;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import io.gpulab.tasks.Tasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks device listing and choice, the build-log error, and the profiled phases of the {@code opencl} backend. */
class OpenClBackendTest {

    private static BackendProvider provider;

    @BeforeAll
    static void requireOpenCl() {
        provider = RequireBackend.available("opencl");
    }

    @Test
    void probeListsEveryDeviceWithItsProperties() {
        List<DeviceInfo> devices = provider.probe().devices();
        assertFalse(devices.isEmpty(), "an available backend lists its devices");
        for (DeviceInfo d : devices) {
            assertTrue(d.id().matches("opencl:\\d+:\\d+"), "device id " + d.id());
            for (String key : List.of("platform", "type", "compute units", "global memory", "max allocation",
                    "local memory", "driver version", "OpenCL version")) {
                assertTrue(d.properties().containsKey(key), d.id() + " lacks property " + key);
            }
        }
    }

    @Test
    void everyListedDeviceCanBeOpenedByItsId() {
        for (DeviceInfo d : provider.probe().devices()) {
            try (Backend b = provider.open(BackendOptions.defaults().withDevice(d.id()))) {
                assertTrue(b.device().contains(d.id()), "backend on " + d.id() + " reports device " + b.device());
            }
        }
    }

    @Test
    void unknownDeviceIsUnavailableAndNamesTheValidIds() {
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> provider.open(BackendOptions.defaults().withDevice("opencl:9:9")));
        assertTrue(e.getMessage().contains("opencl:9:9"), e.getMessage());
        assertTrue(e.getMessage().contains(provider.probe().devices().get(0).id()), e.getMessage());
    }

    @Test
    void unknownOrBadDeviceOptionsAreUsageErrors() {
        BackendOptions d = BackendOptions.defaults();
        for (Map<String, String> extra : List.of(Map.of("gpulab.opencl.maxAllocBytes", "4096"),
                Map.of(DeviceOptions.MAX_BUFFER_BYTES, "lots"))) {
            BackendOptions o = new BackendOptions(null, d.threads(), d.workers(), d.workerTimeout(), extra);
            InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> provider.open(o));
            assertTrue(e.getMessage().contains(extra.keySet().iterator().next()), e.getMessage());
        }
    }

    @Test
    void brokenSourceFailsWithItsBuildLog() {
        OpenClContext context = OpenClContext.of(OpenClDevices.defaultDevice());
        BackendException e = assertThrows(BackendException.class, () -> context.program("broken-test.cl",
                () -> "KERNEL void broken(GLOBAL u32 *x) { x[0] = no_such_identifier; }", ""));
        assertTrue(e.getMessage().contains("build log"), e.getMessage());
        assertTrue(e.getMessage().contains("no_such_identifier"), "the log names the error: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void runReportsPositiveUploadKernelAndDownloadPhases() {
        List<byte[]> msgs = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            msgs.add(new byte[100 + i % 50]);
        }
        Sha256Input in = new Sha256Input.Messages(msgs);
        try (Backend b = provider.open(BackendOptions.defaults());
                Kernel<Sha256Input, Sha256Output> k = b.prepare(Tasks.SHA256, in)) {
            k.run(in);
            Map<Phase, Double> phases = k.phases();
            assertEquals(List.of(Phase.UPLOAD, Phase.KERNEL, Phase.DOWNLOAD), List.copyOf(phases.keySet()));
            phases.forEach((name, s) -> assertTrue(s > 0, "phase " + name + " = " + s));
            assertTrue(b.setupPhases().get(Phase.COMPILE) > 0, "compile phase " + b.setupPhases());
        }
    }
}
