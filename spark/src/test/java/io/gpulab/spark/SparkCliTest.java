package io.gpulab.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the gpulab command on {@code spark} over a local cluster: folders of images and files read and written by the
 * executors, with --verify, against the same command on {@code seq}.
 */
class SparkCliTest {

    private static final String MASTER = "spark.master=local-cluster[1,1,1024]";

    @TempDir
    Path dir;

    @Test
    void blursAFolderOnTheExecutorsWhereABadImageFailsOnlyItselfAsSeqDoes() throws IOException {
        Path in = folder();
        Path out = dir.resolve("out");
        Path seqOut = dir.resolve("seq");
        String[] r = run("run", "blur", "--backend", "spark", "--input", in.toString(), "--output", out.toString(),
                "--sigma", "2", "--verify", "-X", MASTER, "-X", "spark.inner=seq");
        String[] s = run("run", "blur", "--backend", "seq", "--input", in.toString(), "--output", seqOut.toString(),
                "--sigma", "2");
        assertEquals("1", r[0], r[2]);
        assertEquals(s[0], r[0], s[2]);
        assertEquals(errors(s[2]), errors(r[2]));
        assertTrue(errors(r[2]).size() == 1 && errors(r[2]).get(0).contains("b.png"), r[2]);
        assertEquals(s[1].replace(seqOut.toString(), out.toString()), r[1]);
        assertFalse(Files.exists(out.resolve("b.png")), r[2]);
        for (String name : List.of("a.png", "c.png")) {
            // the same inner backend as the seq run, so the executors' files are the very same bytes
            assertArrayEquals(Files.readAllBytes(seqOut.resolve(name)), Files.readAllBytes(out.resolve(name)), name);
        }
    }

    @Test
    void hashesFilesOnTheExecutorsInInputOrderWhereAnUnreadableFileFailsOnlyItselfAsSeqDoes()
            throws IOException, NoSuchAlgorithmException {
        Path in = folder();
        Files.createSymbolicLink(in.resolve("d-dangling"), dir.resolve("nowhere"));
        // a regular file to stat that fails on read (EIO), on the driver and on every executor alike
        String[] args = {"run", "sha256", "--input", in.toString(), "/proc/self/mem", in.resolve("c.png").toString()};
        String[] r = run(concat(args, "--backend", "spark", "--verify", "-X", MASTER));
        String[] s = run(concat(args, "--backend", "seq"));
        assertEquals("1", r[0], r[2]);
        assertEquals(s[1], r[1]);
        assertEquals(errors(s[2]), errors(r[2]));
        assertEquals(2, errors(r[2]).size(), r[2]);
        assertTrue(errors(r[2]).get(1).startsWith("gpulab: /proc/self/mem: "), r[2]);
        List<String> lines = r[1].lines().toList();
        List<String> names = List.of("a.png", "b.png", "c.png", "c.png");
        assertEquals(4, lines.size(), r[1]);
        for (int i = 0; i < 4; i++) {
            Path f = in.resolve(names.get(i));
            assertTrue(lines.get(i).startsWith(sha256(Files.readAllBytes(f)) + "  ")
                    && lines.get(i).endsWith(names.get(i)), lines.get(i));
        }
    }

    @Test
    void readsTheFilesOnTheExecutorsNotInTheCommand() throws IOException, NoSuchAlgorithmException {
        // /proc/self/cmdline is each reader's own command line: an executor's differs from this JVM's
        String[] r = run("run", "sha256", "--backend", "spark", "--input", "/proc/self/cmdline", "-X", MASTER);
        assertEquals("0", r[0], r[2]);
        String here = sha256(Files.readAllBytes(Path.of("/proc/self/cmdline")));
        assertEquals(1, r[1].lines().filter(l -> l.endsWith("  /proc/self/cmdline")).count(), r[1]);
        assertFalse(r[1].startsWith(here), "the command read the file itself: " + r[1]);
    }

    private static String sha256(byte[] data) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Returns the error lines of stderr, those naming a failed input. */
    private static List<String> errors(String stderr) {
        return stderr.lines().filter(l -> l.startsWith("gpulab: ")).toList();
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
