package io.gpulab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** File names are bytes: read, printed and escaped as {@code sha256sum} does, whatever the locale. */
class FileNamesTest {

    @TempDir
    Path tmp;

    @Test
    void everyByteStringRoundTrips() {
        long seed = System.nanoTime();
        System.out.println("everyByteStringRoundTrips seed " + seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < 2000; i++) {
            byte[] raw = new byte[rnd.nextInt(12)];
            rnd.nextBytes(raw);
            assertArrayEquals(raw, FileNames.toBytes(FileNames.fromBytes(raw)), "seed " + seed + ", case " + i);
        }
        assertEquals("uni-ÄÖ", FileNames.fromBytes("uni-ÄÖ".getBytes(StandardCharsets.UTF_8)));
        assertEquals("bad-\uDCFF", FileNames.fromBytes(new byte[] {'b', 'a', 'd', '-', (byte) 0xFF}));
    }

    @Test
    void aWriterSplittingSurrogatePairsStillWritesUtf8() throws IOException {
        String text = "a\uD83D\uDE00b\uDCE9c"; // an emoji (a surrogate pair), then the escaped byte 0xE9
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(bytes, RawUtf8.INSTANCE)) {
            for (char c : text.toCharArray()) {
                w.write(c);
                w.flush();
            }
        }
        byte[] expected = {'a', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, 'b', (byte) 0xE9, 'c'};
        assertArrayEquals(expected, bytes.toByteArray());
    }

    @Test
    void argumentsAreRecoveredFromTheCommandLine() {
        byte[] cmdline = "java\0-cp\0x.jar\0io.gpulab.cli.Main\0--input\0uni-\u00C4\0".getBytes(
                StandardCharsets.UTF_8);
        // a launcher under LC_ALL=C turned each byte above 127 into U+FFFD
        String[] seen = {"--input", "uni-\uFFFD\uFFFD"};
        assertArrayEquals(new String[] {"--input", "uni-\u00C4"}, RawArgs.recover(seen, cmdline,
                StandardCharsets.US_ASCII));
        // arguments that do not match the command line's tail are kept as they are
        String[] other = {"--input", "something else"};
        assertArrayEquals(other, RawArgs.recover(other, cmdline, StandardCharsets.US_ASCII));
    }

    /**
     * Creates awkward names with the shell's printf (the test JVM's own locale may not encode them), runs gpulab under
     * the locale, and checks its lines byte for byte against sha256sum's and through {@code sha256sum -c}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"C", "C.UTF-8"})
    void sumsEqualSha256sumUnderTheLocale(String locale) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/sha256sum")), "sha256sum is not installed");
        String script = String.join("\n",
                "set -e",
                "mkdir walk",
                "printf a > \"walk/$(printf 'uni-\\303\\204\\303\\226')\"",
                "printf b > \"walk/$(printf 'bad-\\377')\"",
                "printf c > \"walk/$(printf 'nl\\nx\\377')\"",
                "printf d > 'walk/back\\slash'",
                "top=\"$(printf 'top-\\351t\\303\\251')\"",
                "printf e > \"$top\"",
                "\"$@\" run sha256 -b seq --input walk \"$top\" > gpulab.sums",
                "sha256sum walk/back\\\\slash \"walk/$(printf 'bad-\\377')\" \"walk/$(printf 'nl\\nx\\377')\" "
                        + "\"walk/$(printf 'uni-\\303\\204\\303\\226')\" \"$top\" > expected.sums",
                "sha256sum -c gpulab.sums > check.txt");
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", script, "sh"));
        cmd.addAll(GpulabProcess.command(List.of(), List.of()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true);
        pb.environment().put("LC_ALL", locale);
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        byte[] expected = Files.readAllBytes(tmp.resolve("expected.sums"));
        assertEquals(5, new String(expected, StandardCharsets.ISO_8859_1).lines().count());
        assertEquals(new String(expected, StandardCharsets.ISO_8859_1),
                new String(Files.readAllBytes(tmp.resolve("gpulab.sums")), StandardCharsets.ISO_8859_1), log);
        assertEquals(0, rc, "sha256sum -c failed: " + log);
        String check = Files.readString(tmp.resolve("check.txt"), StandardCharsets.ISO_8859_1);
        assertEquals(5, check.lines().filter(l -> l.endsWith(": OK")).count(), check);
    }

    @Test
    void aNonAsciiImageBlursUnderTheCLocale() throws Exception {
        Files.write(tmp.resolve("src.png"), io.gpulab.images.ImageCodec.encodePng(
                io.gpulab.images.SyntheticImages.generate(4, 3, 3, 5)));
        String script = "set -e\nmv src.png \"$(printf 'img-\\303\\204.png')\"\n"
                + "\"$@\" run blur -b seq --box 1 --output out --input \"$(printf 'img-\\303\\204.png')\"";
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", script, "sh"));
        cmd.addAll(GpulabProcess.command(List.of(), List.of()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), log);
        try (var files = Files.list(tmp.resolve("out"))) {
            assertEquals(1, files.count(), log);
        }
        assertTrue(log.contains("img-Ä.png -> out/"), log);
    }
}
