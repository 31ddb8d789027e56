package io.gpulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.BackendProvider;
import io.gpulab.api.Backends;
import io.gpulab.cli.auto.Auto;
import io.gpulab.cli.auto.Calibration;
import io.gpulab.cli.auto.CalibrationStore;
import io.gpulab.cli.auto.Cost;
import io.gpulab.cli.auto.MachineKey;
import io.gpulab.cli.auto.Plan;
import io.gpulab.cli.auto.Warmup;
import io.gpulab.cli.auto.Workload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks {@code --backend auto} end to end on crafted calibrations stored in a temporary cache folder (never the
 * user's): the line on stderr, the JSON record, the error that names the chosen backend, and a corrupt file rebuilt.
 */
class AutoCommandTest {

    @TempDir
    Path cache;

    private String oldDir;

    @BeforeEach
    void useTemporaryCache() {
        oldDir = System.getProperty(CalibrationStore.DIR_PROPERTY);
        System.setProperty(CalibrationStore.DIR_PROPERTY, cache.toString());
    }

    @AfterEach
    void restoreCache() {
        if (oldDir == null) {
            System.clearProperty(CalibrationStore.DIR_PROPERTY);
        } else {
            System.setProperty(CalibrationStore.DIR_PROPERTY, oldDir);
        }
    }

    /** Stores a sieve calibration where {@code fastest} costs 1 ns per number and every other backend 1 us. */
    private static void craft(String fastest) throws Exception {
        List<Cost> costs = new ArrayList<>();
        for (BackendProvider p : Backends.all()) {
            if (p.tasks().contains("sieve") && p.probe().available()) {
                costs.add(new Cost(p.id(), "crafted", "sieve", 0, 0, 0, p.id().equals(fastest) ? 1e-9 : 1e-6, 0,
                        false));
            }
        }
        String key = MachineKey.of(Backends.all());
        new CalibrationStore(Path.of(System.getProperty(CalibrationStore.DIR_PROPERTY))).save(new Calibration(key,
                "crafted", costs, List.of(new Warmup("sieve", 1e6, new double[] {0}, 1e9, 0))));
    }

    @Test
    void runSaysWhatAutoChoseAndRecordsItInTheJson() throws Exception {
        craft("forkjoin");
        Cli.Result r = Cli.run("run", "sieve", "--backend", "auto", "--to", "1000", "--json").noStackTrace();
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertTrue(r.err().startsWith("auto: chose forkjoin for sieve [0, 1000]: predicted 1.00 us; "), r.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) MiniJson.parse(r.out());
        assertEquals("forkjoin", json.get("backend"));
        @SuppressWarnings("unchecked")
        Map<String, Object> auto = (Map<String, Object>) json.get("auto");
        assertEquals("forkjoin", auto.get("chosen"));
        assertEquals("whole command", auto.get("predicts"));
        assertTrue(((List<?>) auto.get("predictions")).size() >= 3, auto.toString());
        assertEquals(168, ((Number) ((Map<?, ?>) json.get("result")).get("count")).intValue());
    }

    @Test
    void aFailureOfTheChosenBackendSaysThatAutoChoseIt() throws Exception {
        craft("faulty");
        Cli.Result r = Cli.run("run", "sieve", "--backend", "auto", "--to", Long.toString(FaultyProvider.FAIL_TO))
                .noStackTrace();
        assertEquals(ExitCode.BACKEND_FAILED, r.code(), r.err());
        assertTrue(r.err().contains("gpulab: auto chose faulty, which failed: "), r.err());
    }

    @Test
    void autoTakesNoDevice() throws Exception {
        Cli.Result r = Cli.run("run", "sieve", "--backend", "auto", "--device", "opencl:0:0", "--to", "10")
                .noStackTrace();
        assertEquals(ExitCode.USAGE, r.code());
        assertTrue(r.err().contains("--device"), r.err());
    }

    @Test
    void compareAddsAnAutoRowAndRecordsTheChoice() throws Exception {
        craft("seq");
        Cli.Result r = Cli.run("compare", "sieve", "--backends", "seq,auto", "--size", "tiny", "--repeat", "1",
                "--warmup", "0", "--format", "json").noStackTrace();
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertTrue(r.err().contains("auto: chose seq for sieve [0, 10^6]"), r.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) MiniJson.parse(r.out());
        List<?> rows = (List<?>) json.get("rows");
        Map<?, ?> auto = (Map<?, ?>) rows.get(rows.size() - 1);
        assertEquals("auto", auto.get("backend"));
        assertEquals(Boolean.TRUE, auto.get("verified"));
        assertTrue(((String) auto.get("device")).startsWith("seq: "), auto.toString());
        assertEquals("median timed run", ((Map<?, ?>) ((List<?>) json.get("auto")).get(0)).get("predicts"));
    }

    @Test
    void explainPrintsThePredictionsWithoutRunning() throws Exception {
        craft("forkjoin");
        Cli.Result r = Cli.run("backends", "--explain", "sieve", "--to", "1e9", "--repeat", "3").noStackTrace();
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertTrue(r.out().startsWith("auto: chose forkjoin for sieve [0, 10^9]: predicted 3.00 s; "), r.out());
        assertTrue(r.out().contains("(setup + 3 runs each)"), r.out());
        Cli.Result standard = Cli.run("backends", "--explain", "sieve", "--size", "medium").noStackTrace();
        assertTrue(standard.out().startsWith("auto: chose forkjoin for sieve [0, 10^10]: "), standard.out());
        assertEquals(ExitCode.USAGE, Cli.run("backends", "--explain", "nothing").noStackTrace().code());
        assertEquals(ExitCode.USAGE, Cli.run("backends", "--explain", "blur", "--width", "10").noStackTrace().code());
    }

    @Test
    void sizeOptionsWithoutExplainAreAUsageError() {
        Cli.Result r = Cli.run("backends", "--to", "1e9").noStackTrace();
        assertEquals(ExitCode.USAGE, r.code());
        assertTrue(r.err().contains("--to describes an input for --explain TASK"), r.err());
    }

    @Test
    void calibrateMeasuresAndStoresTheNamedTasksAndBackends() throws Exception {
        Cli.Result r = Cli.run("calibrate", "--tasks", "sieve", "--backends", "seq").noStackTrace();
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("sieve +seq .*ns/number.*")), r.out());
        assertTrue(r.err().contains("calibrate: stored in " + cache), r.err());
        CalibrationStore.Loaded l = new CalibrationStore(cache).load(MachineKey.of(Backends.all()));
        assertNull(l.note());
        Cost seq = l.calibration().cost("seq", "sieve").orElseThrow();
        assertTrue(seq.secondsPerUnit() > 0 && seq.javaCode(), seq.toString());
        assertNotNull(l.calibration().warmup("sieve"));
        assertEquals(ExitCode.USAGE, Cli.run("calibrate", "--tasks", "nothing").noStackTrace().code());
        assertEquals(ExitCode.UNAVAILABLE, Cli.run("calibrate", "--backends", "nothing").noStackTrace().code());
    }

    @Test
    void aCorruptCalibrationIsRebuiltWithANoteNeverACrash() throws Exception {
        BackendProvider seq = Backends.find("seq").orElseThrow();
        List<String> notes = new ArrayList<>();
        Auto auto = new Auto(new CalibrationStore(cache), List.of(seq), notes::add);
        Files.createDirectories(auto.file().getParent());
        Files.writeString(auto.file(), "{\"schema\": \"gpulab-calibration/1\", \"costs\": [tru",
                StandardCharsets.UTF_8);
        assertEquals("seq", auto.choose(Workload.sieve(0, 1000), Plan.command(0, 1)).chosen());
        assertTrue(notes.get(0).startsWith("note: calibration file " + auto.file() + " is corrupt ("),
                notes.toString());
        assertTrue(notes.get(0).endsWith("; rebuilding it"), notes.toString());
        assertTrue(notes.get(1).startsWith("auto: no calibration for this machine and gpulab version; measuring "
                + "sieve now"), notes.toString());
        // rebuilt: the file reads back with seq's sieve measured, and a second choice measures nothing
        CalibrationStore.Loaded l = new CalibrationStore(cache).load(MachineKey.of(List.of(seq)));
        assertNull(l.note());
        assertNotNull(l.calibration().cost("seq", "sieve").orElse(null));
        notes.clear();
        auto.choose(Workload.sieve(0, 1000), Plan.command(0, 1));
        assertEquals(List.of(), notes);
    }
}
