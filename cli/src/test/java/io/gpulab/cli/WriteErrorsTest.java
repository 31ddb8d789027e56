package io.gpulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that fails (a full disk, here {@code /dev/full}) ends the command with one "write error" line and 6. */
class WriteErrorsTest {

    private static final File FULL = new File("/dev/full");
    private static final String NO_SPACE = "No space left on device";

    @TempDir
    Path tmp;

    private Path small;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(FULL.canWrite(), "no /dev/full here");
        small = Files.writeString(tmp.resolve("small"), "hi\n");
    }

    private static void assertWriteError(Cli.Result r, String what) {
        assertEquals(ExitCode.OTHER, r.code(), r.err());
        List<String> lines = r.err().lines().filter(l -> l.startsWith("gpulab:")).toList();
        assertEquals(List.of("gpulab: write error on " + what + ": " + NO_SPACE), lines, r.err());
        r.noStackTrace();
    }

    @Test
    void sumsToAFullStdout() throws Exception {
        assertWriteError(GpulabProcess.run(FULL, Map.of(), List.of(), "run", "sha256", "-b", "seq", "--input",
                small.toString()), "stdout");
        assertWriteError(GpulabProcess.run(FULL, Map.of(), List.of(), "run", "sha256", "-b", "seq", "--count", "3",
                "--length", "5", "--json"), "stdout");
    }

    @Test
    void listingToAFullStdout() throws Exception {
        assertWriteError(GpulabProcess.run(FULL, Map.of(), List.of(), "run", "sieve", "-b", "seq", "--to", "10^6",
                "--list", "-"), "stdout");
    }

    @Test
    void compareToAFullStdout() throws Exception {
        assertWriteError(GpulabProcess.run(FULL, Map.of(), List.of(), "compare", "sieve", "--backends", "seq",
                "--size", "tiny", "--repeat", "1", "--warmup", "0"), "stdout");
    }

    @Test
    void listingToAFullFile() {
        for (String to : List.of("100", "10^6")) {
            // a few primes fail when the listing is closed, many while it is written
            Cli.Result r = Cli.run("run", "sieve", "-b", "seq", "--to", to, "--list", FULL.getPath());
            assertWriteError(r, FULL.getPath());
            assertEquals("", r.out());
        }
    }

    @Test
    void anInProcessWriterThatFails() {
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(NO_SPACE);
            }
        };
        PrintWriter out = CheckedWriter.of(full, StandardCharsets.UTF_8);
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", "sieve", "-b", "seq", "--to", "100"}, out,
                new PrintWriter(err, true));
        assertWriteError(new Cli.Result(code, "", err.toString()), "stdout");
        // a writer that only keeps the flag still fails the command, without the cause
        err = new StringWriter();
        code = Main.execute(new String[] {"run", "sieve", "-b", "seq", "--to", "100"},
                new PrintWriter(new OutputStreamWriter(full, StandardCharsets.UTF_8), true),
                new PrintWriter(err, true));
        assertEquals(ExitCode.OTHER, code);
        assertTrue(err.toString().contains("gpulab: write error on stdout\n"), err.toString());
    }

    @Test
    void blurredImageToAFullDisk() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.write(in.resolve("a.png"), io.gpulab.images.ImageCodec.encodePng(
                io.gpulab.images.SyntheticImages.generate(8, 8, 3, 1)));
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.createSymbolicLink(out.resolve("a.png"), FULL.toPath());
        Cli.Result r = Cli.run("run", "blur", "-b", "seq", "--sigma", "1", "--input", in.toString(), "--output",
                out.toString()).noStackTrace();
        // one image among others is one failed input: exit code 1, the file and the cause named
        assertEquals(ExitCode.SOME_FAILED, r.code(), r.err());
        assertTrue(r.err().contains("gpulab: " + out.resolve("a.png") + ": write error: " + NO_SPACE + "\n"),
                r.err());
    }
}
