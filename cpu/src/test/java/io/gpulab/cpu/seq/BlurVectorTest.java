package io.gpulab.cpu.seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.images.BlurWeights;
import io.gpulab.images.Image;
import io.gpulab.images.ImageCodec;
import io.gpulab.images.SyntheticImages;
import io.gpulab.tasks.BlurTask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the Vector API blur path against the scalar path, the definition and OpenCV, and the scalar path against
 * the definition now that {@link BlurSeq#blur} takes the vector path in these tests (the cpu pom adds the module).
 */
class BlurVectorTest {

    private static final long SEED = Long.getLong("gpulab.seed", 90210L);

    private static final int[][] SHAPES = {{1, 1}, {1, 17}, {23, 1}, {17, 13}, {5, 40}, {40, 5}, {600, 9}, {9, 600},
        {33, 31}};

    private static List<float[]> weights() {
        List<float[]> all = new ArrayList<>();
        for (double sigma : new double[] {0.5, 1.2, 3, 8, 30}) {
            all.add(BlurWeights.gaussian(sigma));
        }
        for (int b : new int[] {0, 1, 3, 12}) {
            all.add(BlurWeights.box(b));
        }
        return all;
    }

    @Test
    void theTestJvmRunsTheVectorPath() {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "the cpu pom's surefire argLine must add jdk.incubator.vector");
        if (BlurTaps.HARDWARE_FMA && BlurVector.supported()) {
            assertEquals("Vector API 256-bit (gpulab.blur.vector=true)", BlurSeq.simd());
            assertTrue(BlurPath.choose(1));
        } else {
            assertTrue(BlurSeq.simd().startsWith("C2 auto-vectorized (no Vector API here"), BlurSeq.simd());
            assertTrue(!BlurPath.choose(1));
        }
    }

    @Test
    void vectorAgreesWithScalarWithinOneLevelOnEdgeShapes() {
        System.out.println("BlurVectorTest seed " + SEED);
        long seed = SEED;
        long differ = 0;
        long total = 0;
        for (int[] s : SHAPES) {
            for (int ch = 1; ch <= 4; ch++) {
                Image img = SyntheticImages.generate(s[0], s[1], ch, seed++);
                for (float[] w : weights()) {
                    Image v = BlurVector.blur(img, w);
                    Image c = BlurSeq.blurScalar(img, w);
                    int d = BlurSeqTest.maxDiff(v, c);
                    assertTrue(d <= BlurTask.TOLERANCE, img + " r " + w.length / 2 + " seed " + (seed - 1) + ": " + d);
                    differ += countDiffering(v, c);
                    total += v.sampleCount();
                }
            }
        }
        System.out.printf("BlurVectorTest: %d of %d samples differ (by 1) between the vector and scalar paths%n",
                differ, total);
    }

    @Test
    void bothPathsMatchTheDefinition() {
        long seed = SEED + 1000;
        for (int[] s : SHAPES) {
            for (int ch = 1; ch <= 4; ch++) {
                Image img = SyntheticImages.generate(s[0], s[1], ch, seed++);
                for (double sigma : new double[] {0.5, 3, 30}) {
                    Image e = BlurSeqTest.definition(img, BlurSeqTest.gaussian(sigma));
                    float[] w = BlurWeights.gaussian(sigma);
                    String what = img + " sigma " + sigma + " seed " + (seed - 1);
                    assertTrue(BlurSeqTest.maxDiff(e, BlurVector.blur(img, w)) <= BlurTask.TOLERANCE, what);
                    assertTrue(BlurSeqTest.maxDiff(e, BlurSeq.blurScalar(img, w)) <= BlurTask.TOLERANCE, what);
                }
                double[] box = new double[2 * 5 + 1];
                Arrays.fill(box, 1.0 / box.length);
                Image e = BlurSeqTest.definition(img, box);
                String what = img + " box 5 seed " + (seed - 1);
                assertTrue(BlurSeqTest.maxDiff(e, BlurVector.blur(img, BlurWeights.box(5))) <= BlurTask.TOLERANCE,
                        what);
                assertTrue(BlurSeqTest.maxDiff(e, BlurSeq.blurScalar(img, BlurWeights.box(5)))
                        <= BlurTask.TOLERANCE, what);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void constantImageStaysExactlyConstant(int ch) {
        Image img = Image.blank(45, 21, ch);
        for (int level : new int[] {0, 1, 128, 201, 255}) {
            Arrays.fill(img.pixels(), (byte) level);
            for (float[] w : weights()) {
                assertEquals(img, BlurVector.blur(img, w), "level " + level + " r " + w.length / 2);
            }
        }
    }

    @Test
    void radiusZeroIsTheIdentity() {
        for (int ch = 1; ch <= 4; ch++) {
            Image img = SyntheticImages.generate(57, 11, ch, SEED + ch);
            assertEquals(img, BlurVector.blur(img, BlurWeights.gaussian(0)));
            assertEquals(img, BlurVector.blur(img, BlurWeights.box(0)));
        }
    }

    @Test
    void tilesAssembleToExactlyTheWholeImage() {
        Image img = SyntheticImages.generate(1900, 70, 4, SEED);
        for (float[] w : new float[][] {BlurWeights.gaussian(4), BlurWeights.gaussian(0.7), BlurWeights.box(12)}) {
            byte[] dst = new byte[img.sampleCount()];
            for (int y0 = 0; y0 < 70; y0 += 13) {
                for (int x0 = 0; x0 < 1900; x0 += 301) {
                    BlurVector.blurTile(img, w, y0, Math.min(70, y0 + 13), x0, Math.min(1900, x0 + 301), dst);
                }
            }
            assertEquals(BlurVector.blur(img, w), new Image(1900, 70, 4, dst));
        }
    }

    @ParameterizedTest
    @CsvSource({"kodim23-crop, gaussian-1", "kodim23-crop, gaussian-3", "kodim23-crop, box-2",
        "kodim04-crop, gaussian-1", "kodim04-crop, gaussian-3", "kodim04-crop, box-2"})
    void vectorIsWithinOneLevelOfOpenCv(String photo, String blur) throws Exception {
        ImageCodec codec = new ImageCodec();
        Image in = codec.read(Path.of(getClass().getResource("/testdata/opencv/" + photo + ".png").toURI()));
        Image expected = codec.read(Path.of(getClass().getResource("/testdata/opencv/" + photo + "-" + blur
                + ".png").toURI()));
        String[] kind = blur.split("-");
        float[] w = kind[0].equals("box") ? BlurWeights.box(Integer.parseInt(kind[1]))
                : BlurWeights.gaussian(Double.parseDouble(kind[1]));
        Image actual = BlurVector.blur(in, w);
        int max = BlurSeqTest.maxDiff(expected, actual);
        System.out.printf("BlurVectorTest %s %s: max difference %d, %d of %d samples differ%n", photo, blur, max,
                countDiffering(expected, actual), actual.sampleCount());
        assertTrue(max <= BlurTask.TOLERANCE, photo + " " + blur + ": max difference " + max + " levels");
    }

    private static long countDiffering(Image a, Image b) {
        long n = 0;
        for (int i = 0; i < a.sampleCount(); i++) {
            n += a.pixels()[i] != b.pixels()[i] ? 1 : 0;
        }
        return n;
    }
}
