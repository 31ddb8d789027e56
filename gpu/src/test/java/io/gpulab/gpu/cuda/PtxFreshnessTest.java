package io.gpulab.gpu.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fails when the shipped PTX and fatbins are older than their kernel sources: the sidecar's hashes must match the
 * sources, and where {@code nvcc} is installed, running {@code gpu/scripts/build-ptx.sh} again must give the same PTX
 * (comment lines aside, which carry the compiler's build id) and byte-identical fatbins.
 */
class PtxFreshnessTest {

    private static final Path KERNELS = Path.of("src/main/resources/io/gpulab/kernels");
    private static final Path PTX = KERNELS.resolve("ptx");
    private static final Path SCRIPT = Path.of("scripts/build-ptx.sh");
    private static final String FIX = "; run gpu/scripts/build-ptx.sh and commit the PTX";

    @Test
    void sidecarHashesMatchTheKernelSources() throws Exception {
        List<String> lines = Files.readAllLines(PTX.resolve("SOURCES.sha256"));
        TreeSet<String> listed = new TreeSet<>();
        for (String line : lines) {
            if (line.startsWith("#") || line.startsWith("flags:")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            String file = parts[1].trim();
            listed.add(file);
            assertEquals(parts[0], sha256(KERNELS.resolve(file)), file + " changed since its PTX was built" + FIX);
        }
        TreeSet<String> sources = new TreeSet<>();
        sources.add(CudaModules.HEADER);
        try (Stream<Path> s = Files.list(KERNELS)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cl")).forEach(sources::add);
        }
        assertEquals(sources, listed, "the sidecar must list the header and every kernel source" + FIX);
        for (String src : sources) {
            if (src.endsWith(".cl")) {
                for (String ext : List.of(".ptx", ".fatbin")) {
                    Path built = PTX.resolve(src.replace(".cl", ext));
                    assertTrue(Files.exists(built), built + " is missing" + FIX);
                }
            }
        }
    }

    @Test
    void sidecarRecordsTheFlagsOfTheScript() throws Exception {
        String script = Files.readString(SCRIPT);
        String arch = assignment(script, "ARCH");
        String isa = assignment(script, "PTX_ISA");
        String sass = assignment(script, "SASS_ARCHS");
        String flags = assignment(script, "FLAGS").replace("$ARCH", arch);
        String recorded = Files.readAllLines(PTX.resolve("SOURCES.sha256")).stream()
                .filter(l -> l.startsWith("flags:")).findFirst().orElse("none");
        assertEquals("flags: " + flags + "; ptx-isa " + isa + "; sass " + sass, recorded,
                "the script's flags changed" + FIX);
    }

    @Test
    void rebuildingWithNvccGivesTheShippedPtx(@TempDir Path out) throws Exception {
        String nvcc = nvccRelease();
        Assumptions.assumeTrue(nvcc != null, "nvcc is not on the PATH; the sidecar hashes still guard freshness");
        String shipped = Files.readAllLines(PTX.resolve("sieve.ptx")).stream()
                .filter(l -> l.startsWith("// Cuda compilation tools")).findFirst().orElse("unknown");
        Assumptions.assumeTrue(shipped.contains(nvcc), "the shipped PTX was built by '" + shipped
                + "', this machine has nvcc " + nvcc + "; its output may differ legitimately");
        Process p = new ProcessBuilder("bash", SCRIPT.toString(), out.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "build-ptx.sh did not finish");
        assertEquals(0, p.exitValue(), "build-ptx.sh failed: " + log);
        try (Stream<Path> s = Files.list(out)) {
            for (Path fresh : s.sorted().collect(Collectors.toList())) {
                Path old = PTX.resolve(fresh.getFileName().toString());
                assertTrue(Files.exists(old), old + " is not shipped" + FIX);
                if (fresh.toString().endsWith(".fatbin")) {
                    // ptxas and fatbinary are deterministic: the same PTX gives the same bytes
                    assertArrayEquals(Files.readAllBytes(fresh), Files.readAllBytes(old),
                            old + " differs from what build-ptx.sh makes now" + FIX);
                } else {
                    assertEquals(code(fresh), code(old), old + " differs from what build-ptx.sh makes now" + FIX);
                }
            }
        }
    }

    private static List<String> code(Path ptx) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(ptx)) {
            if (!line.startsWith("//")) {
                out.add(line);
            }
        }
        return out;
    }

    private static String assignment(String script, String name) {
        for (String line : script.split("\n")) {
            if (line.startsWith(name + "=")) {
                return line.substring(name.length() + 1).replace("\"", "").trim();
            }
        }
        throw new AssertionError("build-ptx.sh has no " + name + "= line");
    }

    /** Returns the release of the nvcc on the PATH, such as {@code release 13.0, V13.0.88}, or null. */
    private static String nvccRelease() {
        try {
            Process p = new ProcessBuilder("nvcc", "--version").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return text.lines().filter(l -> l.contains("release ")).map(l -> l.substring(l.indexOf("release ")))
                    .findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
