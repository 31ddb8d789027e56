package io.gpulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.cpu.seq.BlurSeq;
import io.gpulab.images.Image;
import io.gpulab.images.SyntheticImages;
import io.gpulab.tasks.BlurSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunBlurCommandTest {

    @TempDir
    Path tmp;

    private Path resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/images/" + name)) {
            Path p = tmp.resolve("in").resolve(name);
            Files.createDirectories(p.getParent());
            Files.copy(in, p);
            return p;
        }
    }

    @Test
    void goodImagesAreWrittenAndBadOnesNamed() throws IOException {
        Path bad1 = resource("pngsuite-xs1n0g01.png");
        Path good = resource("kodim20.png");
        Path bad2 = resource("libpng-badadler.png");
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("run", "blur", "-b", "seq", "--sigma", "1.5", "--verify", "--output", out.toString(),
                "--input", bad1.toString(), good.toString(), bad2.toString()).noStackTrace();
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("gpulab: " + bad1 + ": "), r.err());
        assertTrue(r.err().contains("gpulab: " + bad2 + ": "), r.err());
        assertEquals(good + " -> " + out.resolve("kodim20.png") + "\n", r.out());

        ImageIoFiles codec = new ImageIoFiles();
        Image in = codec.read(good, Long.MAX_VALUE);
        Image written = codec.read(out.resolve("kodim20.png"), Long.MAX_VALUE);
        assertEquals(768, written.width());
        assertEquals(512, written.height());
        assertEquals(3, written.channels());
        assertEquals(BlurSeq.blur(in, BlurSpec.gaussian(1.5).weights()), written);
        assertFalse(Files.exists(out.resolve("pngsuite-xs1n0g01.png")));
    }

    @Test
    void sameNamesAreNotOverwritten() throws IOException {
        Image a = SyntheticImages.generate(9, 7, 1, 1);
        Image b = SyntheticImages.generate(5, 6, 4, 2);
        ImageIoFiles codec = new ImageIoFiles();
        Files.createDirectories(tmp.resolve("x"));
        Files.createDirectories(tmp.resolve("y"));
        codec.writePng(a, tmp.resolve("x/pic.png"));
        codec.writePng(b, tmp.resolve("y/pic.png"));
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("run", "blur", "-b", "seq", "--box", "1", "--output", out.toString(), "--input",
                tmp.resolve("x").toString(), tmp.resolve("y").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("pic-2.png"), r.err());
        assertEquals(BlurSeq.blur(a, BlurSpec.box(1).weights()), codec.read(out.resolve("pic.png"), 1000));
        assertEquals(BlurSeq.blur(b, BlurSpec.box(1).weights()), codec.read(out.resolve("pic-2.png"), 1000));
    }

    @Test
    void everyChannelCountSurvivesAPngRoundTrip() throws IOException {
        ImageIoFiles codec = new ImageIoFiles();
        for (int c = 1; c <= 4; c++) {
            Image img = SyntheticImages.generate(13, 11, c, c);
            Path p = tmp.resolve("c" + c + ".png");
            codec.writePng(img, p);
            assertEquals(img, codec.read(p, 13 * 11), "channels " + c);
        }
    }

    @Test
    void imageAboveThePixelBudgetIsRefused() throws IOException {
        Path p = tmp.resolve("big.png");
        new ImageIoFiles().writePng(SyntheticImages.generate(40, 30, 3, 1), p);
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> new ImageIoFiles().read(p, 1199));
        assertTrue(e.getMessage().contains("40x30"), e.getMessage());
    }

    @Test
    void syntheticJsonHoldsTheResult() {
        Cli.Result r = Cli.run("run", "blur", "-b", "seq", "--width", "33", "--height", "17", "--channels", "2",
                "--sigma", "2", "--json", "--verify");
        assertEquals(0, r.code(), r.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> j = (Map<String, Object>) MiniJson.parse(r.out());
        assertEquals("blur", j.get("task"));
        assertEquals("pixels", j.get("unit"));
        assertEquals(33L * 17, j.get("workUnits"));
        assertEquals(Map.of("images", 1L, "failed", 0L), j.get("result"));
        assertEquals(true, j.get("verified"));
    }

    @Test
    void badBlurParametersAreUsageErrors() {
        assertEquals(2, Cli.run("run", "blur", "-b", "seq", "--width", "3", "--height", "3", "--sigma", "-1")
                .noStackTrace().code());
        assertEquals(2, Cli.run("run", "blur", "-b", "seq", "--width", "3", "--height", "3", "--box", "5000")
                .noStackTrace().code());
        assertEquals(2, Cli.run("run", "blur", "-b", "seq", "--width", "3", "--height", "3", "--channels", "5",
                "--box", "1").code());
        assertEquals(2, Cli.run("run", "blur", "-b", "seq", "--width", "3", "--height", "3").code());
        assertEquals(2, Cli.run("run", "blur", "-b", "seq", "--input", "x", "--box", "1").code()); // no --output
    }

    @Test
    void outputThatIsAFileIsAUsageError() throws IOException {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        Cli.Result r = Cli.run("run", "blur", "-b", "seq", "--input", tmp.toString(), "--output", file.toString(),
                "--sigma", "1").noStackTrace();
        assertEquals(2, r.code(), r.err());
        assertEquals("gpulab: --output " + file + " is a file, not a folder\n", r.err());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void formatsKeepTheirChannelsAndLostPrecisionIsNoted() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        java.awt.image.BufferedImage rgb = new java.awt.image.BufferedImage(5, 4,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(2, 1, 0x123456);
        javax.imageio.ImageIO.write(rgb, "bmp", in.resolve("rgb24.bmp").toFile());
        java.awt.image.BufferedImage g16 = new java.awt.image.BufferedImage(5, 4,
                java.awt.image.BufferedImage.TYPE_USHORT_GRAY);
        g16.getRaster().setSample(1, 1, 0, 40000);
        javax.imageio.ImageIO.write(g16, "png", in.resolve("gray16.png").toFile());
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("run", "blur", "-b", "seq", "--box", "1", "--input", in.toString(), "--output",
                out.toString()).noStackTrace();
        assertEquals(0, r.code(), r.err());
        ImageIoFiles codec = new ImageIoFiles();
        assertEquals(3, codec.read(out.resolve("rgb24.png"), 100).channels(), "a 24-bit BMP has no alpha to add");
        assertEquals(1, codec.read(out.resolve("gray16.png"), 100).channels());
        assertTrue(r.err().contains("note: " + in.resolve("gray16.png") + ": 16-bit samples reduced to 8 bits\n"),
                r.err());
        assertFalse(r.err().contains("rgb24.bmp"), r.err());
    }

    @Test
    void exclusiveOptionsAreNamed() {
        Cli.Result r = Cli.run("run", "blur", "-b", "seq", "--width", "4", "--height", "4", "--sigma", "2", "--box",
                "2").noStackTrace();
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("gpulab: --sigma and --box cannot be used together; give one of: --sigma, "
                + "--box\n"), r.err());
        r = Cli.run("run", "blur", "-b", "seq", "--width=4", "--height", "4", "--input", "x", "--output", "y",
                "--box", "2").noStackTrace();
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("gpulab: --input and --width cannot be used together; give one of: "
                + "--input, --width\n"), r.err());
    }
}
