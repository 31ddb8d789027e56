package io.gpulab.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gpulab.tasks.Sha256Fold;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunSha256CommandTest {

    @TempDir
    Path tmp;

    @Test
    void syntheticFoldFollowsTheFillRule() throws Exception {
        int count = 37;
        int length = 70;
        int iterations = 3;
        long seed = -5;
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        Sha256Fold all = new Sha256Fold();
        for (int i = 0; i < count; i++) {
            byte[] msg = new byte[length];
            long v = seed + i;
            for (int j = 0; j < length; j++) {
                msg[j] = (byte) (v >>> (8 * (j % 8)));
            }
            byte[] d = md.digest(msg);
            for (int k = 1; k < iterations; k++) {
                d = md.digest(d);
            }
            all.add(i, d, 0);
        }
        Cli.Result r = Cli.run("run", "sha256", "-b", "seq", "--count", "37", "--length", "70", "--iterations", "3",
                "--seed", "-5", "--verify");
        assertEquals(0, r.code(), r.err());
        assertEquals("fold " + all + "\n", r.out());
        Cli.Result json = Cli.run("run", "sha256", "-b", "seq", "--count", "37", "--length", "70", "--iterations", "3",
                "--seed", "-5", "--json");
        assertEquals(0, json.code(), json.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) MiniJson.parse(json.out());
        assertEquals(Map.of("fold", all.toString()), report.get("result"), json.out());
    }

    @Test
    void fileLinesEqualSha256sum() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/sha256sum")), "sha256sum is not installed");
        long seed = System.nanoTime();
        System.out.println("fileLinesEqualSha256sum seed " + seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> names = List.of("plain.bin", "empty", "back\\slash", "new\nline", "carriage\rreturn",
                "sp ace", "ünï");
        List<String> args = new ArrayList<>(List.of("run", "sha256", "-b", "seq", "--input"));
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/sha256sum"));
        for (String n : names) {
            byte[] data = new byte[n.equals("empty") ? 0 : rnd.nextInt(5000)];
            rnd.nextBytes(data);
            Files.write(tmp.resolve(n), data);
            args.add(n);
            cmd.add(n);
        }
        Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true).start();
        String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        // the command resolves relative paths against the working directory; run it there through absolute paths
        // and compare the lines with the directory prefix removed
        List<String> absArgs = new ArrayList<>(args.subList(0, 5));
        String prefix = tmp.toString() + "/";
        names.forEach(n -> absArgs.add(prefix + n));
        Cli.Result r = Cli.run(absArgs.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertEquals(expected, r.out().replace(prefix, ""));
    }

    @Test
    void foldersAreWalkedRecursivelyInNameOrder() throws Exception {
        Path d = tmp.resolve("d");
        Files.createDirectories(d.resolve("b/y"));
        Files.createDirectories(d.resolve("a"));
        for (String f : List.of("c.txt", "b/y/z", "b/x", "a/2", "a/10", "B")) {
            Files.writeString(d.resolve(f), f);
        }
        Cli.Result r = Cli.run("run", "sha256", "-b", "seq", "--input", d.toString());
        assertEquals(0, r.code(), r.err());
        List<String> walked = r.out().lines().map(l -> l.substring(66)).toList();
        String p = d + "/";
        assertEquals(List.of(p + "B", p + "a/10", p + "a/2", p + "b/x", p + "b/y/z", p + "c.txt"), walked);
        for (String line : r.out().lines().toList()) {
            String rel = line.substring(66 + p.length());
            assertEquals(sha256(rel.getBytes(StandardCharsets.UTF_8)), line.substring(0, 64), line);
        }
    }

    @Test
    void missingFileIsNamedAndTheOthersAreDone() throws IOException {
        Path good = Files.writeString(tmp.resolve("good"), "abc");
        String missing = tmp.resolve("missing").toString();
        Cli.Result r = Cli.run("run", "sha256", "-b", "seq", "--input", missing, good.toString()).noStackTrace();
        assertEquals(1, r.code());
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  " + good + "\n", r.out());
        assertTrue(r.err().contains("gpulab: " + missing + ": No such file or directory"), r.err());
    }

    @Test
    void fileLargerThanTheBudgetIsStreamedWithANote() throws Exception {
        byte[] big = new byte[10_000];
        new SplittableRandom(7).nextBytes(big);
        Path bigFile = Files.write(tmp.resolve("big"), big);
        Path small = Files.writeString(tmp.resolve("small"), "abc");
        Cli.Result r = Cli.run("run", "sha256", "-b", "seq", "--batch-bytes", "4096", "--json", "--input",
                small.toString(), bigFile.toString(), small.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("note: streamed on the host CPU: " + bigFile + " (10000 bytes)"), r.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> j = (Map<String, Object>) MiniJson.parse(r.out());
        assertEquals(Map.of("files", 3L, "failed", 0L, "streamed", 1L, "routed", 0L, "bytes", 10_006L),
                j.get("result"));
        assertEquals(2L, j.get("workUnits"));
        assertEquals(2L, j.get("batches"));

        Cli.Result text = Cli.run("run", "sha256", "-b", "seq", "--batch-bytes", "4096", "--input", bigFile.toString());
        assertEquals(sha256(big) + "  " + bigFile + "\n", text.out());
    }

    @Test
    void batchesSplitByBudgetKeepInputOrder() throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "sha256", "-b", "seq", "--batch-bytes", "200", "--input"));
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            byte[] data = ("file " + i + " ").repeat(i + 3).getBytes(StandardCharsets.US_ASCII);
            Path f = Files.write(tmp.resolve("f" + i), data);
            args.add(f.toString());
            expected.append(sha256(data)).append("  ").append(f).append('\n');
        }
        args.add("--json");
        Cli.Result json = Cli.run(args.toArray(String[]::new));
        @SuppressWarnings("unchecked")
        Map<String, Object> j = (Map<String, Object>) MiniJson.parse(json.out());
        assertTrue((Long) j.get("batches") > 1, json.out());
        args.remove(args.size() - 1);
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertEquals(expected.toString(), r.out());
        assertTrue(!r.err().contains("streamed"), r.err());
    }

    @Test
    void syntheticAndFilesAreExclusive() {
        Cli.Result r = Cli.run("run", "sha256", "-b", "seq", "--count", "1", "--length", "1", "--input", "x");
        assertEquals(2, r.code(), r.err());
        assertEquals(2, Cli.run("run", "sha256", "-b", "seq").code());
        assertEquals(2, Cli.run("run", "sha256", "-b", "seq", "--count", "1", "--length", "-1").code());
    }

    @Test
    void eachBadSyntheticOptionIsNamed() {
        Cli.Result count = Cli.run("run", "sha256", "-b", "seq", "--count", "-1", "--length", "1").noStackTrace();
        assertEquals(2, count.code(), count.err());
        assertEquals("gpulab: --count must be 0 or more: -1\n", count.err());
        Cli.Result length = Cli.run("run", "sha256", "-b", "seq", "--count", "1", "--length", "-2");
        assertEquals("gpulab: --length must be 0 or more: -2\n", length.err());
        Cli.Result iterations = Cli.run("run", "sha256", "-b", "seq", "--count", "1", "--length", "1",
                "--iterations", "0");
        assertEquals("gpulab: --iterations must be at least 1: 0\n", iterations.err());
    }

    @Test
    void acceptsASyntheticBatchOfAnyIntCountOnEveryBackend() {
        // 10^9 messages (32 GB of digests) were once refused on all but seq; every backend now folds as it goes, so
        // the options pass validation (hashing them here would take minutes; the folding has its own tests per
        // backend)
        for (String backend : new String[] {"seq", "forkjoin", "process", "opencl", "cuda"}) {
            RunSha256Command cmd = new RunSha256Command();
            new CommandLine(cmd).parseArgs("-b", backend, "--count", "10^9", "--length", "64");
            assertEquals(1_000_000_000, cmd.source.synthetic.count, backend);
            assertDoesNotThrow(cmd::validate, backend);
        }
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Test
    void aMessageLongerThanTheHeapHoldsIsAUsageError() {
        Cli.Result r = Cli.run("run", "sha256", "-b", "seq", "--count", "1", "--length", "2^31-1").noStackTrace();
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("gpulab: --length 2147483647 is above the longest message this JVM can hold, "
                + RunSha256Command.maxLength() + " bytes"), r.err());
    }
}
