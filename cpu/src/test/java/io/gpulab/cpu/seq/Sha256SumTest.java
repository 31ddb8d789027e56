package io.gpulab.cpu.seq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks {@link Sha256Seq} against the coreutils {@code sha256sum} binary on generated files; skipped without it. */
class Sha256SumTest {

    private static final long SEED = Long.getLong("gpulab.seed", 20261122L);

    @Test
    void agreesWithSha256sumOnGeneratedFiles(@TempDir Path dir) throws Exception {
        System.out.println("Sha256SumTest seed " + SEED);
        SplittableRandom rnd = new SplittableRandom(SEED);
        List<byte[]> contents = new ArrayList<>();
        List<String> command = new ArrayList<>(List.of("sha256sum", "--"));
        int[] lengths = {0, 1, 55, 56, 63, 64, 65, 119, 120, 4096 + 17, 1 << 20};
        for (int i = 0; i < lengths.length; i++) {
            byte[] b = new byte[lengths[i]];
            rnd.nextBytes(b);
            Path f = dir.resolve("m" + i + ".bin");
            Files.write(f, b);
            contents.add(b);
            command.add(f.toString());
        }
        List<String> lines = sha256sum(command);
        Sha256Output out = new Sha256Seq().run(new Sha256Input.Messages(contents));
        assertEquals(lengths.length, lines.size(), "sha256sum output lines: " + lines);
        for (int i = 0; i < lengths.length; i++) {
            String expected = lines.get(i).substring(0, 64);
            assertEquals(expected, HexFormat.of().formatHex(out.digests().get(i)),
                    "file of " + lengths[i] + " bytes, seed " + SEED + " (sha256sum: " + lines.get(i) + ")");
        }
    }

    private static List<String> sha256sum(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("no sha256sum binary on this machine: " + e.getMessage());
            return List.of();
        }
        byte[] stdout = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("sha256sum did not finish in 60 s");
        }
        String text = new String(stdout, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "sha256sum exit status; output: " + text);
        return text.lines().toList();
    }
}
