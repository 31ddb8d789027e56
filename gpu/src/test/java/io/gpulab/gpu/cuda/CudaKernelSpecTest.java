package io.gpulab.gpu.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.gpu.BlurGpu;
import io.gpulab.gpu.Sha256Gpu;
import io.gpulab.gpu.SieveGpu;
import io.gpulab.gpu.device.KernelSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the host code against the shipped PTX without a GPU: every kernel the host launches exists with the
 * argument types it passes, and the tile sizes the host launches for are the ones the PTX was compiled with.
 */
class CudaKernelSpecTest {

    private static final List<KernelSpec> SPECS = List.of(SieveGpu.SEGMENTS, SieveGpu.BUCKETS, Sha256Gpu.MESSAGES,
            Sha256Gpu.SYNTHETIC, Sha256Gpu.SYNTHETIC_ONE_BLOCK, Sha256Gpu.SYNTHETIC_64, BlurGpu.ROWS, BlurGpu.COLS);

    @Test
    void everyLaunchedKernelHasTheArgumentsTheHostPasses() {
        for (KernelSpec spec : SPECS) {
            List<String> params = params(ptx(spec.module()), spec.name());
            assertEquals(spec.signature().length(), params.size(), spec.name() + " argument count in the PTX");
            for (int i = 0; i < params.size(); i++) {
                char c = spec.signature().charAt(i);
                String expected = c == 'f' ? ".f32" : spec.argumentBytes(i) == 8 ? ".u64" : ".u32";
                assertEquals(expected, params.get(i), spec.name() + " argument " + i + " ('" + c + "')");
            }
        }
    }

    @Test
    void everyKernelInThePtxIsLaunchedByTheHost() {
        for (String module : List.of("sieve", "sha256", "blur")) {
            Matcher m = Pattern.compile("\\.visible \\.entry (\\w+)\\(").matcher(ptx(module));
            while (m.find()) {
                String name = m.group(1);
                assertTrue(SPECS.stream().anyMatch(s -> s.name().equals(name) && s.module().equals(module)),
                        module + ".ptx has kernel " + name + " that no host class launches");
            }
        }
    }

    @Test
    void sharedTilesMatchTheBlockShapesTheHostLaunches() {
        assertEquals(4 * SieveGpu.CHUNK_WORDS, shared(ptx("sieve"), "sieve_segments", "bits"));
        assertEquals(4 * Sha256Gpu.SYNTHETIC_GROUP * Long.BYTES, shared(ptx("sha256"), "sha256_synthetic", "lanes"),
                "the fold reduction holds 4 lanes per thread of the block the host launches");
        int localRadius = BlurGpu.LOCAL_RADIUS;
        assertEquals((BlurGpu.TILE + 2 * localRadius) * 4 * Float.BYTES, shared(ptx("blur"), "blur_rows", "tile"));
        assertEquals((BlurGpu.COL + 2 * localRadius) * BlurGpu.COL * 4 * Float.BYTES,
                shared(ptx("blur"), "blur_cols", "tile"));
    }

    @Test
    void theConstantsTheHostBuildsWithAreThoseOfTheShippedPtx() {
        assertEquals(Integer.toString(SieveGpu.WORDS), CudaModules.defines("sieve").get("SIEVE_WORDS"));
        assertEquals(Integer.toString(Sha256Gpu.SYNTHETIC_GROUP), CudaModules.defines("sha256").get("SHA256_GROUP"));
        Map<String, String> blur = CudaModules.defines("blur");
        BlurGpu.DEFINES.forEach((k, v) -> assertEquals(Integer.toString(v), blur.get(k), k));
    }

    private static String ptx(String module) {
        return new String(CudaModules.resource(CudaModules.PTX + module + ".ptx"), StandardCharsets.US_ASCII);
    }

    private static List<String> params(String ptx, String kernel) {
        int at = ptx.indexOf(".visible .entry " + kernel + "(");
        assertTrue(at >= 0, "kernel " + kernel + " is not in the PTX");
        String head = ptx.substring(at, ptx.indexOf(')', at));
        Matcher m = Pattern.compile("\\.param (\\.\\w+) " + kernel + "_param_\\d+").matcher(head);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Returns the bytes of a kernel's static shared array, from its mangled PTX name. */
    private static int shared(String ptx, String kernel, String array) {
        Matcher m = Pattern.compile("\\.shared \\.align \\d+ \\.b8 _ZZ\\d+" + kernel + "E\\d+" + array
                + "\\[(\\d+)\\]").matcher(ptx);
        assertTrue(m.find(), "no shared array " + array + " in " + kernel);
        return Integer.parseInt(m.group(1));
    }
}
