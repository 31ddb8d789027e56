package io.gpulab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.conformance.RequireBackend;
import io.gpulab.images.Image;
import io.gpulab.tasks.BlurOutput;
import org.junit.jupiter.api.Test;

/** Checks that the blur benchmark times what the CLI times: a GPU backend's runs read its host memory. */
class BlurBenchTest {

    private static BlurBench open(String backend) {
        BlurBench bench = new BlurBench();
        bench.backend = backend;
        bench.size = BlurSize.QUICK.name();
        bench.setUp();
        return bench;
    }

    @Test
    void aGpuBackendBlursADirectFrameAndWritesIntoTheLastOutputsMemory() {
        RequireBackend.available("opencl");
        BlurBench bench = open("opencl");
        try {
            assertTrue(bench.input().images().get(0).isDirect(), "the frame is in the backend's host memory");
            PhaseCounters phases = new PhaseCounters();
            Image first = bench.endToEnd(phases).images().get(0);
            Image second = bench.endToEnd(phases).images().get(0);
            // the second run wrote into the memory of the first run's output (handed back): a mark written through
            // one shows through the other
            byte old = second.buffer().get(5);
            second.buffer().put(5, (byte) (old + 1));
            assertEquals((byte) (old + 1), first.buffer().get(5), "the first output's memory was handed back");
        } finally {
            bench.tearDown();
        }
    }

    @Test
    void aCpuBackendBlursTheHeapFrameAsBefore() {
        BlurBench bench = open("seq");
        try {
            Image img = bench.input().images().get(0);
            assertFalse(img.isDirect(), "seq reads the heap frame");
            BlurOutput out = bench.endToEnd(new PhaseCounters());
            assertEquals(img.width(), out.images().get(0).width());
        } finally {
            bench.tearDown();
        }
    }
}
