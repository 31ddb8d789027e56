package io.gpulab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gpulab.images.ImageCodec;
import io.gpulab.images.SyntheticImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Blur never replaces one of its inputs and never reads its own output folder as input. */
class BlurFilesTest {

    @TempDir
    Path tmp;

    private Path png(Path file, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, ImageCodec.encodePng(SyntheticImages.generate(7, 5, 3, seed)));
    }

    @Test
    void anOutputFolderThatHoldsTheInputsIsRefused() throws IOException {
        Path d = tmp.resolve("d");
        Path a = png(d.resolve("a.png"), 1);
        byte[] before = Files.readAllBytes(a);
        Cli.Result r = Cli.run("run", "blur", "-b", "seq", "--box", "1", "--input", d.toString(), "--output",
                d.toString()).noStackTrace();
        assertEquals(ExitCode.USAGE, r.code(), r.err());
        assertEquals("gpulab: --output " + d + " would overwrite the input " + a + " with a.png; choose another "
                + "folder\n", r.err());
        assertArrayEquals(before, Files.readAllBytes(a));
        assertEquals("", r.out());
    }

    @Test
    void aLinkToAnInputIsRefused() throws IOException {
        Path a = png(tmp.resolve("in").resolve("a.png"), 1);
        byte[] before = Files.readAllBytes(a);
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.createSymbolicLink(out.resolve("a.png"), a);
        Cli.Result r = Cli.run("run", "blur", "-b", "seq", "--box", "1", "--input", a.toString(), "--output",
                out.toString()).noStackTrace();
        assertEquals(ExitCode.USAGE, r.code(), r.err());
        assertArrayEquals(before, Files.readAllBytes(a));
    }

    @Test
    void theOutputFolderInsideAWalkedInputIsNotRead() throws IOException {
        Path d = tmp.resolve("d");
        png(d.resolve("a.png"), 1);
        png(d.resolve("b.png"), 2);
        Path out = d.resolve("zout");
        // a result of an earlier run, and one written by this run before the walk reaches the folder
        Path old = png(out.resolve("c.png"), 3);
        byte[] oldBytes = Files.readAllBytes(old);
        Cli.Result r = Cli.run("run", "blur", "-b", "seq", "--box", "1", "--batch-bytes", "500", "--input",
                d.toString(), "--output", out.toString()).noStackTrace();
        assertEquals(0, r.code(), r.err());
        assertEquals(d.resolve("a.png") + " -> " + out.resolve("a.png") + "\n" + d.resolve("b.png") + " -> "
                + out.resolve("b.png") + "\n", r.out());
        assertFalse(Files.exists(out.resolve("a-2.png")));
        assertArrayEquals(oldBytes, Files.readAllBytes(old));
    }
}
