package io.gpulab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.cli.Main;
import io.gpulab.images.ImageCodec;
import io.gpulab.images.SyntheticImages;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the gpulab command on {@code spark} over a local cluster: folders of images and files, with --verify. */
class SparkCliTest {

    private static final String MASTER = "spark.master=local-cluster[1,1,1024]";

    @TempDir
    Path dir;

    @Test
    void blursAFolderWhereABadImageFailsOnlyItselfVerifiedAgainstSeq() throws IOException {
        Path in = folder();
        Path out = dir.resolve("out");
        String[] r = run("run", "blur", "--backend", "spark", "--input", in.toString(), "--output", out.toString(),
                "--sigma", "2", "--verify", "-X", MASTER);
        assertEquals("1", r[0], r[2]);
        assertTrue(r[2].contains("b.png"), r[2]);
        assertTrue(Files.exists(out.resolve("a.png")) && Files.exists(out.resolve("c.png")), r[2]);
        assertFalse(Files.exists(out.resolve("b.png")), r[2]);
    }

    @Test
    void hashesFilesInInputOrderAsSha256sumVerifiedAgainstSeq() throws IOException, NoSuchAlgorithmException {
        Path in = folder();
        String[] r = run("run", "sha256", "--backend", "spark", "--input", in.toString(), "--verify", "-X", MASTER);
        assertEquals("0", r[0], r[2]);
        List<String> lines = r[1].lines().toList();
        List<String> names = List.of("a.png", "b.png", "c.png");
        assertEquals(3, lines.size(), r[1]);
        for (int i = 0; i < 3; i++) {
            Path f = in.resolve(names.get(i));
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
            assertTrue(lines.get(i).startsWith(hex + "  ") && lines.get(i).endsWith(names.get(i)), lines.get(i));
        }
    }

    /** Makes a folder of two images and one file that is no image, in the middle by name. */
    private Path folder() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        ImageCodec.writePng(SyntheticImages.generate(200, 120, 4, 1), in.resolve("a.png"));
        Files.writeString(in.resolve("b.png"), "not a png");
        ImageCodec.writePng(SyntheticImages.generate(97, 301, 3, 2), in.resolve("c.png"));
        return in;
    }

    /** Runs the command and returns its exit code, stdout and stderr. */
    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }
}
