package io.gpulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.BackendProvider;
import io.gpulab.api.Backends;
import io.gpulab.cli.auto.Calibration;
import io.gpulab.cli.auto.CalibrationStore;
import io.gpulab.cli.auto.Cost;
import io.gpulab.cli.auto.MachineKey;
import io.gpulab.cli.auto.Warmup;
import io.gpulab.conformance.RequireBackend;
import io.gpulab.gpu.Sha256Gpu;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that a files batch on a GPU backend routes the file one device thread would take longer to hash than the
 * rest of its batch to the host, says so, and still hashes the other files on the backend; that seq routes nothing;
 * that every line is {@code sha256sum}'s; and that {@code --backend auto} predicts the same files routed, from the
 * same batches.
 */
class Sha256RoutingTest {

    @TempDir
    Path tmp;

    private String oldDir;

    @BeforeEach
    void useTemporaryCache() {
        oldDir = System.getProperty(CalibrationStore.DIR_PROPERTY);
        System.setProperty(CalibrationStore.DIR_PROPERTY, tmp.resolve("cache").toString());
    }

    @AfterEach
    void restoreCache() {
        if (oldDir == null) {
            System.clearProperty(CalibrationStore.DIR_PROPERTY);
        } else {
            System.setProperty(CalibrationStore.DIR_PROPERTY, oldDir);
        }
    }

    @Test
    void aLargeFileOnOpenClGoesToTheHostAndTheSmallOnesToTheDevice() throws Exception {
        RequireBackend.available("opencl");
        SplittableRandom rnd = new SplittableRandom(16);
        System.out.println("Sha256RoutingTest seed 16");
        // 3 MiB: 49 ms on one GPU thread (64 MB/s) against microseconds for the rest of the batch
        int bigSize = 3 * (int) Sha256Gpu.SERIAL_MESSAGES.minBytes();
        int[] sizes = {3, 1000, bigSize, 64, 0, 70_000};
        List<String> args = new ArrayList<>(List.of("run", "sha256", "--input"));
        StringBuilder expected = new StringBuilder();
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        Path big = null;
        for (int i = 0; i < sizes.length; i++) {
            byte[] data = new byte[sizes[i]];
            rnd.nextBytes(data);
            Path f = Files.write(tmp.resolve("f" + i), data);
            big = sizes[i] == bigSize ? f : big;
            args.add(f.toString());
            expected.append(HexFormat.of().formatHex(md.digest(data))).append("  ").append(f).append('\n');
        }
        Cli.Result seq = run(args, "seq");
        assertEquals(0, seq.code(), seq.err());
        assertEquals(expected.toString(), seq.out());
        assertFalse(seq.err().contains("routed"), seq.err());

        Cli.Result gpu = run(args, "opencl");
        assertEquals(0, gpu.code(), gpu.err());
        assertEquals(expected.toString(), gpu.out());
        assertTrue(gpu.err().contains("note: routed to the host CPU (one opencl thread would hold up its batch): "
                + big + " (" + bigSize + " bytes)"), gpu.err());

        List<String> json = new ArrayList<>(args);
        json.add("--json");
        Cli.Result j = run(json, "opencl");
        assertEquals(0, j.code(), j.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) MiniJson.parse(j.out());
        long total = 0;
        for (int s : sizes) {
            total += s;
        }
        assertEquals(Map.of("files", 6L, "failed", 0L, "streamed", 0L, "routed", 1L, "bytes", total),
                report.get("result"), j.out());
        assertEquals(5L, report.get("workUnits"), "the five small files are hashed on the backend: " + j.out());
        assertEquals("opencl", report.get("backend"), j.out());
    }

    @Test
    void autoPredictsTheRoutingThatTheRunMakes() throws Exception {
        RequireBackend.available("opencl");
        // opencl crafted fastest per block, with the serial-item model its backend gives
        List<Cost> costs = new ArrayList<>();
        for (BackendProvider p : Backends.all()) {
            if (p.tasks().contains("sha256") && p.probe().available()) {
                boolean gpu = p.id().equals("opencl");
                costs.add(new Cost(p.id(), "crafted", "sha256", 0, 0, 0, gpu ? 1e-12 : 1e-6, 0, false,
                        gpu ? Sha256Gpu.SERIAL_MESSAGES : null));
            }
        }
        new CalibrationStore(tmp.resolve("cache")).save(new Calibration(MachineKey.of(Backends.all()), "crafted",
                costs, List.of(new Warmup("sha256", 1e3, new double[] {0}, 1e6, 0))));
        int bigSize = 3 * (int) Sha256Gpu.SERIAL_MESSAGES.minBytes();
        int[] sizes = {3, 1000, 64, bigSize, 0, 70_000, 2 * bigSize / 3};
        List<String> args = new ArrayList<>(List.of("run", "sha256", "-b", "auto", "--input"));
        for (int i = 0; i < sizes.length; i++) {
            args.add(Files.write(tmp.resolve("f" + i), new byte[sizes[i]]).toString());
        }
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("auto: chose opencl for sha256 7 files, "), r.err());
        // 3 MiB and 2 MiB: 49 and 33 ms on their threads against 3 and 2 ms on the host
        assertTrue(r.err().contains("; opencl routes 2 files (" + (bigSize + 2 * bigSize / 3) + " B) to the host "
                + "CPU\n"), r.err());
        assertEquals(2, r.err().split("note: routed to the host CPU", -1).length - 1, r.err());
        assertTrue(r.err().contains(tmp.resolve("f3") + " (" + bigSize + " bytes)"), r.err());
        assertTrue(r.err().contains(tmp.resolve("f6") + " (" + 2 * bigSize / 3 + " bytes)"), r.err());
    }

    @Test
    void calibrationKeepsTheSerialItemsOfEachBackend() {
        RequireBackend.available("opencl");
        Cli.Result r = Cli.run("calibrate", "--tasks", "sha256", "--backends", "seq,opencl").noStackTrace();
        assertEquals(0, r.code(), r.err());
        Calibration c = new CalibrationStore(tmp.resolve("cache")).load(MachineKey.of(Backends.all())).calibration();
        assertEquals(Sha256Gpu.SERIAL_MESSAGES, c.cost("opencl", "sha256").orElseThrow().serialItems());
        assertNull(c.cost("seq", "sha256").orElseThrow().serialItems());
    }

    @Test
    void theBatchSizesAreThoseOfTheRun() throws Exception {
        // a budget of 100 bytes: 60 + 30 fit, 50 starts a batch, 200 streams on the host and ends it, then 10
        long[] sizes = {60, 30, 50, 200, 10};
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            inputs.add(Files.write(tmp.resolve("b" + i), new byte[(int) sizes[i]]).toString());
        }
        inputs.add(tmp.resolve("missing").toString());
        List<long[]> batches = Sha256Files.batchSizes(inputs, 100);
        assertEquals(List.of("[60, 30]", "[50]", "[10]"), batches.stream().map(Arrays::toString).toList());
    }

    private static Cli.Result run(List<String> args, String backend) {
        List<String> all = new ArrayList<>(args.subList(0, 2));
        all.add("-b");
        all.add(backend);
        all.addAll(args.subList(2, args.size()));
        return Cli.run(all.toArray(String[]::new));
    }
}
