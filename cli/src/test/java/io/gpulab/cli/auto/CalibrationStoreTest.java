package io.gpulab.cli.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.SerialItems;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that calibrations round-trip through the cache folder and that a bad file gives a note, never a throw. */
class CalibrationStoreTest {

    @TempDir
    Path dir;

    private static Calibration sample(String key) {
        return new Calibration(key, "2026-01-01T00:00:00Z", List.of(
                new Cost("seq", "cpu, 1 thread", "sieve", 1e-5, 2e-6, 3e-6, 4.5e-10, 0, true),
                new Cost("opencl", "PoCL", "blur", 0.1, 0.002, 1.5e-4, 6.4e-10, 7.8e9, false)),
                List.of(new Warmup("sieve", 1e6, new double[] {0.02, 0.004, 0}, 2e8, 0.1)));
    }

    @Test
    void aSavedCalibrationLoadsBackEqual() throws Exception {
        CalibrationStore store = new CalibrationStore(dir);
        Path f = store.save(sample("machine A"));
        assertEquals(dir, f.getParent());
        CalibrationStore.Loaded l = store.load("machine A");
        assertNull(l.note());
        assertEquals(sample("machine A"), l.calibration());
    }

    @Test
    void aBackendsSerialItemsLoadBackAndABadOneMakesTheFileCorrupt() throws Exception {
        CalibrationStore store = new CalibrationStore(dir);
        Calibration c = new Calibration("machine A", "t", List.of(new Cost("opencl", "PoCL", "sha256", 0.1, 0.002,
                1.5e-4, 1e-10, 7.8e9, false, new SerialItems(64e6, 50e9, 1 << 20))), List.of());
        Path f = store.save(c);
        assertEquals(c, store.load("machine A").calibration());
        String text = Files.readString(f, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"minBytes\": 1048576"), text);
        for (String bad : new String[] {"\"minBytes\": -1", "\"minBytes\": 0.5", "\"minBytes\": \"x\""}) {
            Files.writeString(f, text.replace("\"minBytes\": 1048576", bad), StandardCharsets.UTF_8);
            CalibrationStore.Loaded l = store.load("machine A");
            assertNull(l.calibration(), bad);
            assertTrue(l.note().contains("corrupt"), l.note());
        }
    }

    @Test
    void aMissingFileGivesNeitherCalibrationNorNote() {
        CalibrationStore.Loaded l = new CalibrationStore(dir).load("machine A");
        assertNull(l.calibration());
        assertNull(l.note());
    }

    @Test
    void eachMachineKeyHasItsOwnFile() throws Exception {
        CalibrationStore store = new CalibrationStore(dir);
        store.save(sample("machine A"));
        assertNull(store.load("machine B").calibration());
        assertTrue(!store.file("machine A").equals(store.file("machine B")));
    }

    @Test
    void corruptFilesGiveANoteNamingTheFileAndNoCalibration() throws Exception {
        CalibrationStore store = new CalibrationStore(dir);
        Path f = store.file("machine A");
        String[] bad = {"{not json", "", "[1, 2]", "{\"schema\": \"gpulab-calibration/1\", \"key\": \"machine A\"}",
            "{\"schema\": \"other/9\", \"key\": \"machine A\", \"created\": \"\", \"costs\": []}",
            "{\"schema\": \"gpulab-calibration/1\", \"key\": \"machine A\", \"created\": \"\", \"costs\": "
                    + "[{\"backend\": \"seq\", \"device\": \"d\", \"task\": \"sieve\", \"openSeconds\": -1, "
                    + "\"prepareSeconds\": 0, \"runSeconds\": 0, \"secondsPerUnit\": 0, \"bytesPerSecond\": 0, "
                    + "\"javaCode\": true}], \"warmups\": []}",
            "{\"schema\": \"gpulab-calibration/1\", \"key\": \"machine A\", \"created\": \"\", \"costs\": [], "
                    + "\"warmups\": [{\"task\": \"sieve\", \"smallUnits\": 1, \"smallExcessSeconds\": [\"x\"]}]}",
            "\u0000\u0001binary"};
        for (String text : bad) {
            Files.writeString(f, text, StandardCharsets.UTF_8);
            CalibrationStore.Loaded l = store.load("machine A");
            assertNull(l.calibration(), text);
            assertTrue(l.note() != null && l.note().contains(f.toString()) && l.note().contains("corrupt")
                    && l.note().contains("rebuilding"), text + " -> " + l.note());
        }
    }

    @Test
    void aFileOfAnotherKeyIsStale() throws Exception {
        CalibrationStore store = new CalibrationStore(dir);
        Files.writeString(store.file("machine A"), new com.google.gson.Gson().toJson(sample("machine B").toJson()));
        CalibrationStore.Loaded l = store.load("machine A");
        assertNull(l.calibration());
        assertTrue(l.note().contains("another machine or gpulab version"), l.note());
    }

    @Test
    void theUserStoreFollowsTheProperty() {
        String old = System.getProperty(CalibrationStore.DIR_PROPERTY);
        try {
            System.setProperty(CalibrationStore.DIR_PROPERTY, dir.toString());
            assertEquals(dir, CalibrationStore.user().file("k").getParent());
        } finally {
            if (old == null) {
                System.clearProperty(CalibrationStore.DIR_PROPERTY);
            } else {
                System.setProperty(CalibrationStore.DIR_PROPERTY, old);
            }
        }
    }
}
