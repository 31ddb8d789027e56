package io.gpulab.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Feeds every malformed or hostile file of {@code testdata/bad-images} to the codec and checks the recorded outcome:
 * a typed error naming the file and saying why, or a documented decode. Runs under the module's small heap
 * (-Xmx256m, see the pom) with a timeout per file, so an out-of-memory error or a hang fails the test.
 */
class BadImagesTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    /** What must happen to one file: an error whose message contains {@code error}, or a decode to this shape. */
    private record Outcome(String error, int width, int height, int channels) {
        static Outcome error(String fragment) {
            return new Outcome(fragment, 0, 0, 0);
        }

        static Outcome decodes(int width, int height, int channels) {
            return new Outcome(null, width, height, channels);
        }
    }

    // Decodes are documented: ImageIO fills a truncated progressive JPEG with what it has (as browsers do), accepts
    // the DC-predictor overflow found by a fuzzer, and the zTXt bomb is a valid 1x1 image whose text is never
    // inflated. Every PNG CRC and chunk length is checked before decoding (PngChunks).
    private static final Map<String, Outcome> EXPECTED = Map.ofEntries(
            Map.entry("jpegdec-empty.jpg", Outcome.error("empty file")),
            Map.entry("jpegdec-missing-sof.jpg", Outcome.error("No image data present")),
            Map.entry("jpegdec-missing-sos.jpg", Outcome.error("missing SOS marker")),
            Map.entry("jpegdec-max_size.jpg", Outcome.error("Maximum supported image dimension")),
            Map.entry("jpegdec-null_height.jpg", Outcome.error("Empty JPEG image")),
            Map.entry("jpegdec-dc-predictor-overflow.jpg", Outcome.decodes(144, 144, 1)),
            Map.entry("pillow-truncated_jpeg.jpg", Outcome.decodes(100, 100, 3)),
            Map.entry("pngsuite-xs1n0g01.png", Outcome.error("unknown image format")),
            Map.entry("pngsuite-xhdn0g08.png", Outcome.error("chunk IHDR at offset 8 has a wrong CRC")),
            Map.entry("pngsuite-xcsn0g01.png", Outcome.error("chunk IDAT at offset 49 has a wrong CRC")),
            Map.entry("pngsuite-xc1n0g08.png", Outcome.error("colour type 1 with bit depth 8")),
            Map.entry("pngsuite-xd0n2c08.png", Outcome.error("colour type 2 with bit depth 0")),
            Map.entry("pngsuite-xdtn0g01.png", Outcome.error("PNG missing image data")),
            Map.entry("libpng-badcrc.png", Outcome.error("chunk IDAT at offset 33 has a wrong CRC")),
            Map.entry("libpng-badadler.png", Outcome.error("missing image data")),
            Map.entry("libpng-huge_IDAT.png", Outcome.error("IDAT at offset 33 declares 1073741823 bytes")),
            Map.entry("libpng-huge_iCCP_chunk.png", Outcome.error("iCCP at offset 33 declares 1073741823 bytes")),
            Map.entry("libpng-bad_iCCP.png", Outcome.error("chunk IHDR at offset 8 has a wrong CRC")),
            Map.entry("pillow-truncated_image.png", Outcome.error("IDAT at offset 33 declares 105514 bytes")),
            Map.entry("pillow-png_decompression_dos.png", Outcome.decodes(1, 1, 1)),
            Map.entry("openjdk-8191174-width1342177279.png", Outcome.error("chunk IHDR at offset 8 has a wrong CRC")));

    private final ImageCodec codec = new ImageCodec();

    static Path dir() throws URISyntaxException {
        return Path.of(BadImagesTest.class.getResource("/testdata/bad-images/MANIFEST.csv").toURI()).getParent();
    }

    @Test
    void theTableCoversEveryFileOfTheManifestAndTheFolder() throws Exception {
        List<String> lines = Files.readAllLines(dir().resolve("MANIFEST.csv"));
        TreeSet<String> manifest = lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));
        TreeSet<String> folder;
        try (Stream<Path> s = Files.list(dir())) {
            folder = s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("MANIFEST.csv"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(21, manifest.size());
        assertEquals(manifest, folder);
        assertEquals(manifest, new TreeSet<>(EXPECTED.keySet()));
    }

    @TestFactory
    Stream<DynamicTest> everyBadFileHasItsRecordedOutcome() throws Exception {
        Path dir = dir();
        return EXPECTED.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> DynamicTest.dynamicTest(
                e.getKey(),
                () -> assertTimeoutPreemptively(LIMIT, () -> check(dir.resolve(e.getKey()), e.getValue()))));
    }

    private void check(Path file, Outcome expected) throws IOException {
        if (expected.error() == null) {
            Image img = codec.read(file);
            assertEquals(List.of(expected.width(), expected.height(), expected.channels()),
                    List.of(img.width(), img.height(), img.channels()), file.getFileName().toString());
            return;
        }
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> codec.read(file));
        String m = e.getMessage();
        assertTrue(m.startsWith(file.toString() + ": "), "message names the file: " + m);
        assertTrue(m.contains(expected.error()), "message says why (" + expected.error() + "): " + m);
        assertFalse(m.contains("\n"), "one line: " + m);
        assertEquals(file.toString(), e.source());
    }

    @Test
    void headersOfBadFilesFailTypedOrGiveTheirDeclaredSize() throws Exception {
        Path dir = dir();
        for (String name : EXPECTED.keySet()) {
            Path f = dir.resolve(name);
            assertTimeoutPreemptively(LIMIT, () -> {
                try {
                    ImageHeader h = codec.header(f);
                    assertTrue(h.width() >= 0 && h.height() >= 0, name + " " + h);
                } catch (ImageDecodeException e) {
                    assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
                }
            });
        }
        // header() reads only the header: the huge declared sizes come back for budgeting, nothing is allocated
        assertEquals(new ImageHeader(1342177279, 1, "PNG"),
                codec.header(dir.resolve("openjdk-8191174-width1342177279.png")));
        // ImageIO's JPEG reader refuses dimensions above 65500 already while reading the frame header
        ImageDecodeException e = assertThrows(ImageDecodeException.class,
                () -> codec.header(dir.resolve("jpegdec-max_size.jpg")));
        assertTrue(e.getMessage().contains("Maximum supported image dimension"), e.getMessage());
    }
}
