package io.gpulab.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks decoding of real photos and generated files of several formats, the pixel budget and PNG round trips. */
class ImageCodecTest {

    private final ImageCodec codec = new ImageCodec();

    static Path photo(String name) throws URISyntaxException {
        return Path.of(ImageCodecTest.class.getResource("/testdata/images/" + name).toURI());
    }

    @ParameterizedTest
    @CsvSource({"kodim01.png, 768, 512", "kodim04.png, 512, 768", "kodim23.png, 768, 512"})
    void kodakPhotosDecodeToTheirShapeAndMatchImageIo(String name, int width, int height) throws Exception {
        Path file = photo(name);
        Image img = codec.read(file);
        assertEquals(width, img.width());
        assertEquals(height, img.height());
        assertEquals(3, img.channels());
        assertEquals(new ImageHeader(width, height, "PNG"), codec.header(file));
        // An independent decoder: ImageIO's PNG reader must see the very same samples.
        BufferedImage ref = ImageIO.read(file.toFile());
        for (int y = 0; y < height; y += 7) {
            for (int x = 0; x < width; x++) {
                int rgb = ref.getRGB(x, y);
                assertEquals(rgb >> 16 & 0xFF, img.sample(x, y, 0), name + " R at " + x + "," + y);
                assertEquals(rgb >> 8 & 0xFF, img.sample(x, y, 1), name + " G at " + x + "," + y);
                assertEquals(rgb & 0xFF, img.sample(x, y, 2), name + " B at " + x + "," + y);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void pngRoundTripIsLosslessForEveryChannelCount(int channels) throws Exception {
        for (int[] shape : new int[][] {{1, 1}, {1, 9}, {17, 13}, {300, 7}}) {
            long seed = 31L * channels + shape[0];
            Image img = SyntheticImages.generate(shape[0], shape[1], channels, seed);
            Image back = codec.decode(ImageCodec.encodePng(img), "round trip seed " + seed);
            assertEquals(img, back, "round trip of " + img + " (seed " + seed + ")");
        }
        // Content a content-sniffing writer would narrow: opaque alpha and gray-looking colour keep their channels.
        Image flat = Image.blank(5, 4, channels);
        java.util.Arrays.fill(flat.pixels(), (byte) 255);
        assertEquals(flat, codec.decode(ImageCodec.encodePng(flat), "flat"));
    }

    @Test
    void encodedPngIsReadableByImageIo(@TempDir Path dir) throws Exception {
        Image img = SyntheticImages.generate(33, 21, 4, 5);
        Path file = dir.resolve("rgba.png");
        ImageCodec.writePng(img, file);
        BufferedImage bi = ImageIO.read(file.toFile());
        assertEquals(33, bi.getWidth());
        for (int y = 0; y < 21; y++) {
            for (int x = 0; x < 33; x++) {
                int argb = bi.getRGB(x, y);
                int[] expected = {img.sample(x, y, 0), img.sample(x, y, 1), img.sample(x, y, 2), img.sample(x, y, 3)};
                int[] actual = {argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF, argb >>> 24};
                assertArrayEquals(expected, actual, "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void pixelBudgetRefusesLargeDeclaredSizesBeforeDecoding() throws Exception {
        Path file = photo("kodim04.png");
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> new ImageCodec(512 * 767).read(file));
        assertTrue(e.getMessage().startsWith(file + ": declared size 512x768 (393216 pixels) exceeds the pixel budget"
                + " of 392704"), e.getMessage());
        assertEquals(512, new ImageCodec(512 * 768).read(file).width());
        byte[] jpeg = write(rgb(40, 30), "jpg");
        assertThrows(ImageDecodeException.class, () -> new ImageCodec(40 * 30 - 1).decode(jpeg, "small.jpg"));
        assertThrows(IllegalArgumentException.class, () -> new ImageCodec(0));
    }

    @Test
    void jpegGoesThroughImageIo() throws Exception {
        BufferedImage src = rgb(64, 48);
        Image img = codec.decode(write(src, "jpg"), "generated.jpg");
        assertEquals(64, img.width());
        assertEquals(48, img.height());
        assertEquals(3, img.channels());
        // lossy, so compare loosely with the smooth source
        int rgb = src.getRGB(20, 20);
        assertTrue(Math.abs((rgb >> 16 & 0xFF) - img.sample(20, 20, 0)) < 24, "red near the source");
    }

    @Test
    void bmpAndGifDecodeThroughCommonsImaging() throws Exception {
        BufferedImage src = rgb(23, 11);
        Image bmp = codec.decode(write(src, "bmp"), "generated.bmp");
        for (int y = 0; y < 11; y++) {
            for (int x = 0; x < 23; x++) {
                assertEquals(src.getRGB(x, y) & 0xFF, bmp.sample(x, y, 2), "blue at " + x + "," + y);
            }
        }
        BufferedImage gray = new BufferedImage(9, 5, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(3, 2, 0, 200);
        Image gif = codec.decode(write(gray, "gif"), "generated.gif");
        assertEquals(3, gif.channels(), "palette images become RGB");
        assertEquals(200, gif.sample(3, 2, 1));
        assertEquals(0, gif.sample(4, 2, 1));
    }

    @Test
    void sixteenBitGrayIsScaledToEightBitsWithRounding() throws Exception {
        BufferedImage g16 = new BufferedImage(4, 1, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster r = g16.getRaster();
        int[] in = {0, 65535, 32896, 128};
        for (int x = 0; x < 4; x++) {
            r.setSample(x, 0, 0, in[x]);
        }
        Image img = codec.decode(write(g16, "png"), "gray16.png");
        assertEquals(1, img.channels());
        assertArrayEquals(new byte[] {0, (byte) 255, (byte) 128, 0}, img.pixels());
    }

    @Test
    void missingFileIsATypedError(@TempDir Path dir) {
        Path missing = dir.resolve("nope.png");
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> codec.read(missing));
        assertTrue(e.getMessage().startsWith(missing + ": cannot read file: NoSuchFileException"), e.getMessage());
    }

    @Test
    void unknownBytesAreATypedError(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("text.png"), "this is not an image at all");
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> codec.read(f));
        assertTrue(e.getMessage().startsWith(f + ": unknown image format"), e.getMessage());
    }

    private static BufferedImage rgb(int w, int h) {
        BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                bi.setRGB(x, y, (x * 255 / w) << 16 | (y * 255 / h) << 8 | (x + y) * 4 & 0xFF);
            }
        }
        return bi;
    }

    @Test
    void aTwentyFourBitBmpKeepsThreeChannels() throws Exception {
        BufferedImage src = rgb(6, 4);
        byte[] bmp = write(src, "bmp");
        assertEquals(24, bmp[28], "ImageIO wrote a 24-bit BMP");
        Image img = codec.decode(bmp, "rgb24.bmp");
        assertEquals(3, img.channels());
        assertEquals(src.getRGB(5, 3) >> 16 & 0xFF, img.sample(5, 3, 0));
    }

    @Test
    void sixteenBitPngSaysItsPrecisionIsReduced() throws Exception {
        BufferedImage g16 = new BufferedImage(3, 2, BufferedImage.TYPE_USHORT_GRAY);
        g16.getRaster().setSample(1, 1, 0, 65535);
        java.util.List<String> notes = new java.util.ArrayList<>();
        Image img = codec.decode(write(g16, "png"), "g16.png", notes);
        assertEquals(255, img.sample(1, 1, 0));
        assertEquals(java.util.List.of("16-bit samples reduced to 8 bits"), notes);
        notes.clear();
        codec.decode(write(rgb(3, 2), "png"), "rgb8.png", notes);
        assertEquals(java.util.List.of(), notes, "an 8-bit PNG loses nothing");
    }

    @Test
    void anOversizedGifIsRefusedByItsDeclaredSize() {
        for (int[] s : new int[][] {{65535, 65535, 65535, 65535}, {1, 1, 65535, 65535}, {40000, 40000, 1, 1}}) {
            byte[] gif = gif(s[0], s[1], s[2], s[3]);
            ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> codec.decode(gif, "big.gif"));
            assertTrue(e.getMessage().contains("exceeds the pixel budget"), e.getMessage());
        }
    }

    /** Returns a GIF whose logical screen and single 1-colour image declare these sizes. */
    private static byte[] gif(int sw, int sh, int iw, int ih) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes("GIF89a".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        o.writeBytes(new byte[] {(byte) sw, (byte) (sw >> 8), (byte) sh, (byte) (sh >> 8), (byte) 0x80, 0, 0,
            0, 0, 0, (byte) 255, (byte) 255, (byte) 255});
        o.writeBytes(new byte[] {0x21, (byte) 0xF9, 4, 0, 0, 0, 0, 0}); // a graphic control extension first
        o.writeBytes(new byte[] {0x2C, 0, 0, 0, 0, (byte) iw, (byte) (iw >> 8), (byte) ih, (byte) (ih >> 8), 0});
        o.writeBytes(new byte[] {2, 2, 0x44, 1, 0, 0x3B});
        return o.toByteArray();
    }

    private static byte[] write(BufferedImage bi, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(bi, format, out), "ImageIO writes " + format);
        return out.toByteArray();
    }
}
