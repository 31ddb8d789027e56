package io.gpulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.conformance.RequireBackend;
import io.gpulab.gpu.Sha256Gpu;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that a files batch on a GPU backend routes the file one device thread would take longer to hash than the
 * rest of its batch to the host, says so, and still hashes the other files on the backend; that seq routes nothing;
 * and that every line is {@code sha256sum}'s.
 */
class Sha256RoutingTest {

    @TempDir
    Path tmp;

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

    private static Cli.Result run(List<String> args, String backend) {
        List<String> all = new ArrayList<>(args.subList(0, 2));
        all.add("-b");
        all.add(backend);
        all.addAll(args.subList(2, args.size()));
        return Cli.run(all.toArray(String[]::new));
    }
}
