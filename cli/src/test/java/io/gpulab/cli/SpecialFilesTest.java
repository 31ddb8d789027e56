package io.gpulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Devices and FIFOs report no size: they are read without holding more than {@code --batch-bytes}, and one that
 * cannot be hashed fails alone while the other inputs are printed.
 */
class SpecialFilesTest {

    @TempDir
    Path tmp;

    private static String line(byte[] data, Path name) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)) + "  " + name;
    }

    private static Path fifo(Path p) throws Exception {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
        assertEquals(0, mk.waitFor(), new String(mk.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        return p;
    }

    /** Writes the bytes into the FIFO from another thread, as a producer process would. */
    private static Thread feed(Path fifo, byte[] data) {
        Thread t = new Thread(() -> {
            try (OutputStream o = Files.newOutputStream(fifo)) {
                o.write(data);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void fifosWithinAndBeyondTheBudget() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkfifo")), "no mkfifo here");
        SplittableRandom rnd = new SplittableRandom(15);
        byte[] a = new byte[300];
        byte[] small = new byte[700];
        byte[] large = new byte[5000];
        rnd.nextBytes(a);
        rnd.nextBytes(small);
        rnd.nextBytes(large);
        Path pa = Files.write(tmp.resolve("a"), a);
        Path f1 = fifo(tmp.resolve("fifo-small"));
        Path f2 = fifo(tmp.resolve("fifo-large"));
        Thread t1 = feed(f1, small);
        Thread t2 = feed(f2, large);
        Cli.Result r = Cli.run("run", "sha256", "-b", "seq", "--batch-bytes", "1000", "--verify", "--input",
                pa.toString(), f1.toString(), f2.toString(), pa.toString()).noStackTrace();
        t1.join(10_000);
        t2.join(10_000);
        assertEquals(0, r.code(), r.err());
        assertEquals(String.join("\n", line(a, pa), line(small, f1), line(large, f2), line(a, pa)) + "\n", r.out());
        // the one beyond the budget went through the host, with the usual note and its real length
        assertTrue(r.err().contains("note: streamed on the host CPU: " + f2 + " (5000 bytes)"), r.err());
        assertTrue(!r.err().contains(f1.toString()), r.err());
    }

    @Test
    void aSocketFailsAloneAndTheOthersArePrinted() throws Exception {
        Path a = Files.writeString(tmp.resolve("a"), "a\n");
        Path b = Files.writeString(tmp.resolve("b"), "b\n");
        Path sock = tmp.resolve("sock");
        try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(UnixDomainSocketAddress.of(sock));
            Cli.Result r = Cli.run("run", "sha256", "-b", "seq", "--input", a.toString(), sock.toString(),
                    b.toString()).noStackTrace();
            assertEquals(1, r.code(), r.err());
            assertEquals(line("a\n".getBytes(StandardCharsets.UTF_8), a) + "\n"
                    + line("b\n".getBytes(StandardCharsets.UTF_8), b) + "\n", r.out());
            assertEquals(List.of("gpulab: " + sock + ": No such device or address"),
                    r.err().lines().filter(l -> l.startsWith("gpulab:")).toList(), r.err());
        }
    }

    @Test
    void anEndlessDeviceIsStreamedWithinASmallHeap() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/dev/zero")), "no /dev/zero here");
        Path small = Files.writeString(tmp.resolve("small"), "hi\n");
        // 64 MiB of heap: reading /dev/zero whole would run out of memory within a second
        ProcessBuilder pb = new ProcessBuilder(GpulabProcess.command(List.of("-Xmx64m"), List.of("run", "sha256",
                "-b", "seq", "--batch-bytes", "10^6", "--input", small.toString(), "/dev/zero")));
        Process p = pb.redirectError(tmp.resolve("stderr").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertNotNull(first, "no line for the small file before /dev/zero; stderr: "
                    + Files.readString(tmp.resolve("stderr")));
            assertEquals(line("hi\n".getBytes(StandardCharsets.UTF_8), small), first);
            // still streaming, within the heap, long after a whole read would have failed
            boolean ended = p.waitFor(3, TimeUnit.SECONDS);
            assertTrue(!ended, "gpulab ended (exit " + (ended ? p.exitValue() : -1) + "): "
                    + Files.readString(tmp.resolve("stderr")));
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    @Test
    void anEndlessDeviceIsNoImage() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/dev/zero")), "no /dev/zero here");
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path good = Files.write(in.resolve("good.png"), io.gpulab.images.ImageCodec.encodePng(
                io.gpulab.images.SyntheticImages.generate(6, 5, 3, 2)));
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("run", "blur", "-b", "seq", "--box", "1", "--batch-bytes", "10^6", "--output",
                out.toString(), "--input", "/dev/zero", good.toString()).noStackTrace();
        assertEquals(1, r.code(), r.err());
        assertEquals(good + " -> " + out.resolve("good.png") + "\n", r.out());
        assertTrue(r.err().contains("gpulab: /dev/zero: file of more than "), r.err());
    }
}
