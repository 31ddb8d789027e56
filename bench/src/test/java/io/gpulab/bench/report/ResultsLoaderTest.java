package io.gpulab.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the fixture results and checks the numbers derived from JMH's JSON. */
class ResultsLoaderTest {

    @Test
    void readsMachineMeasurementsPhasesAndSkips() throws IOException {
        MachineResults a = ResultsLoader.load(Fixtures.dir("machine-a"));
        assertEquals("FIXTURE machine A (fake data)", a.machine().label());
        assertEquals("8 cores, 16 threads", a.machine().cores());
        assertEquals("32.0 GiB", a.machine().memory());
        assertTrue(a.machine().devices().stream().anyMatch(d -> d.contains("FIXTURE GPU A")
                && d.contains("driver version FIXTURE 1.2.3")), a.machine().devices().toString());
        assertEquals(15, a.measurements().size());
        assertEquals(4, a.skipped().size());

        Measurement cl = a.measurements().stream().filter(m -> m.backend().equals("opencl")
                && m.size().equals("UHD_GAUSSIAN_3")).findFirst().orElseThrow();
        assertEquals(3840L * 2160, cl.workUnits());
        assertEquals(10, cl.samples());
        // fixture phases were 6.1 / 2.4 / 8.9 ms per run with 2% noise: per-iteration sums / runs give them back
        assertEquals(6.1, cl.phasesMs().get("upload"), 0.2);
        assertEquals(2.4, cl.phasesMs().get("kernel"), 0.1);
        assertEquals(8.9, cl.phasesMs().get("download"), 0.3);
        assertEquals(180, cl.compileMs(), 1e-6);
        assertEquals(3840.0 * 2160 / (cl.msPerOp() / 1e3), cl.throughput(), 1);

        Measurement seq = a.measurements().stream().filter(m -> m.backend().equals("seq")).findFirst().orElseThrow();
        assertTrue(seq.phasesMs().isEmpty(), "seq reports no phases");
    }

    @Test
    void aDirectoryWithoutResultsIsAReadableError(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> ResultsLoader.load(dir));
        assertTrue(e.getMessage().contains("not a gpulab results directory"), e.getMessage());
    }

    @Test
    void brokenJsonNamesTheFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("jmh-result.json"), "[{\"benchmark\": ");
        IOException e = assertThrows(IOException.class, () -> ResultsLoader.load(dir));
        assertTrue(e.getMessage().contains("jmh-result.json"), e.getMessage());
    }
}
