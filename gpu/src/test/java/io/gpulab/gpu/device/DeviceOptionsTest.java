package io.gpulab.gpu.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.BackendOptions;
import io.gpulab.api.InvalidOptionException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks the one option vocabulary of both GPU runtimes: known keys parse, everything else is a usage error. */
class DeviceOptionsTest {

    private static BackendOptions with(Map<String, String> extra) {
        BackendOptions d = BackendOptions.defaults();
        return new BackendOptions(null, d.threads(), d.workers(), d.workerTimeout(), extra);
    }

    @Test
    void noOptionsMeansNoCap() {
        DeviceOptions o = DeviceOptions.of("opencl", BackendOptions.defaults());
        assertEquals(0, o.maxBufferBytes());
        assertEquals(1L << 40, o.cap(1L << 40));
    }

    @Test
    void maxBufferBytesLowersTheRuntimeLimitOnly() {
        DeviceOptions o = DeviceOptions.of("cuda", with(Map.of(DeviceOptions.MAX_BUFFER_BYTES, " 4096 ")));
        assertEquals(4096, o.maxBufferBytes());
        assertEquals(4096, o.cap(1L << 30));
        assertEquals(2048, o.cap(2048), "a cap above the runtime's limit does not raise it");
    }

    @Test
    void unknownKeysAreUsageErrorsNamingTheKnownOnes() {
        for (String old : new String[] {"cuda.maxChunkBytes", "process.shards", "device.maxbufferbytes"}) {
            InvalidOptionException e = assertThrows(InvalidOptionException.class,
                    () -> DeviceOptions.of("cuda", with(Map.of(old, "1024"))));
            assertTrue(e.getMessage().contains(old) && e.getMessage().contains(DeviceOptions.MAX_BUFFER_BYTES),
                    e.getMessage());
        }
    }

    @Test
    void badValuesAreUsageErrorsNamingTheKeyAndTheValue() {
        for (String bad : new String[] {"", "1k", "-5", "1023", "99999999999999999999"}) {
            InvalidOptionException e = assertThrows(InvalidOptionException.class,
                    () -> DeviceOptions.of("opencl", with(Map.of(DeviceOptions.MAX_BUFFER_BYTES, bad))));
            assertTrue(e.getMessage().startsWith(DeviceOptions.MAX_BUFFER_BYTES + " must be a byte count"),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith(": " + bad), e.getMessage());
        }
    }

    @Test
    void blurPipelineIsOnForGpusAndOffOnCpuDevicesUnlessGiven() {
        DeviceOptions none = DeviceOptions.of("opencl", BackendOptions.defaults());
        assertTrue(none.blurPipeline(false), "a GPU pipelines by default");
        assertFalse(none.blurPipeline(true), "a CPU device does not by default");
        DeviceOptions on = DeviceOptions.of("opencl", with(Map.of(DeviceOptions.BLUR_PIPELINE, "on")));
        assertTrue(on.blurPipeline(true), "forced on a CPU device");
        DeviceOptions off = DeviceOptions.of("cuda", with(Map.of(DeviceOptions.BLUR_PIPELINE, "off")));
        assertFalse(off.blurPipeline(false), "turned off on a GPU");
        assertTrue(DeviceOptions.optionKeys().stream().anyMatch(k -> k.key().equals(DeviceOptions.BLUR_PIPELINE)),
                "declared to the providers' optionKeys");
    }
}
