package io.gpulab.cpu.seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.images.BlurWeights;
import io.gpulab.images.Image;
import io.gpulab.images.SyntheticImages;
import io.gpulab.tasks.BlurTask;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks the seq blur against blur identities and against the definition evaluated in double precision. */
class BlurSeqTest {

    private static final long SEED = Long.getLong("gpulab.seed", 7321L);

    /** Evaluates the definition directly: clamped indices, double sums, row pass then column pass, round, clamp. */
    static Image definition(Image img, double[] w) {
        int wd = img.width();
        int h = img.height();
        int ch = img.channels();
        int r = w.length / 2;
        double[] tmp = new double[img.sampleCount()];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < wd; x++) {
                for (int c = 0; c < ch; c++) {
                    double s = 0;
                    for (int k = -r; k <= r; k++) {
                        s += w[k + r] * img.sample(Math.min(wd - 1, Math.max(0, x + k)), y, c);
                    }
                    tmp[(y * wd + x) * ch + c] = s;
                }
            }
        }
        byte[] out = new byte[tmp.length];
        for (int y = 0; y < h; y++) {
            for (int i = 0; i < wd * ch; i++) {
                double s = 0;
                for (int k = -r; k <= r; k++) {
                    s += w[k + r] * tmp[Math.min(h - 1, Math.max(0, y + k)) * wd * ch + i];
                }
                out[y * wd * ch + i] = (byte) Math.max(0, Math.min(255, Math.round(s)));
            }
        }
        return new Image(wd, h, ch, out);
    }

    static double[] gaussian(double sigma) {
        int r = BlurWeights.gaussianRadius(sigma);
        double[] w = new double[2 * r + 1];
        double sum = 0;
        for (int k = -r; k <= r; k++) {
            w[k + r] = r == 0 ? 1 : Math.exp(-(double) k * k / (2 * sigma * sigma));
            sum += w[k + r];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }

    static int maxDiff(Image a, Image b) {
        assertEquals(Arrays.asList(a.width(), a.height(), a.channels()), Arrays.asList(b.width(), b.height(),
                b.channels()));
        int m = 0;
        for (int i = 0; i < a.sampleCount(); i++) {
            m = Math.max(m, Math.abs((a.pixels()[i] & 0xFF) - (b.pixels()[i] & 0xFF)));
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void constantImageStaysConstant(int ch) {
        Image img = Image.blank(37, 23, ch);
        Arrays.fill(img.pixels(), (byte) 201);
        for (float[] w : new float[][] {BlurWeights.gaussian(2.5), BlurWeights.box(4), BlurWeights.gaussian(30)}) {
            assertEquals(img, BlurSeq.blur(img, w));
        }
    }

    @Test
    void impulseGivesTheNormalizedTwoDimensionalKernel() {
        double sigma = 2;
        float[] w = BlurWeights.gaussian(sigma);
        int r = w.length / 2;
        Image img = Image.blank(31, 29, 2);
        int cx = 15;
        int cy = 14;
        img.pixels()[(cy * 31 + cx) * 2 + 1] = (byte) 255; // impulse in channel 1, channel 0 stays 0
        Image out = BlurSeq.blur(img, w);
        double[] g = gaussian(sigma);
        for (int y = 0; y < 29; y++) {
            for (int x = 0; x < 31; x++) {
                int dx = x - cx;
                int dy = y - cy;
                double e = Math.abs(dx) <= r && Math.abs(dy) <= r ? 255 * g[dx + r] * g[dy + r] : 0;
                assertTrue(Math.abs(out.sample(x, y, 1) - e) <= 1, "kernel at " + dx + "," + dy + ": "
                        + out.sample(x, y, 1) + " vs " + e);
                assertEquals(0, out.sample(x, y, 0), "other channel untouched");
            }
        }
    }

    @Test
    void sigmaZeroAndBoxZeroAreTheIdentity() {
        Image img = SyntheticImages.generate(41, 19, 4, SEED);
        assertEquals(img, BlurSeq.blur(img, BlurWeights.gaussian(0)));
        assertEquals(img, BlurSeq.blur(img, BlurWeights.box(0)));
    }

    @Test
    void matchesTheDefinitionOnEdgeShapesEveryChannelCountAndBothKinds() {
        int[][] shapes = {{1, 1}, {1, 17}, {23, 1}, {17, 13}, {5, 40}, {40, 5}, {600, 9}, {9, 600}};
        double[] sigmas = {0.5, 1.2, 3, 8};
        int[] boxes = {1, 3, 12};
        long seed = SEED;
        System.out.println("BlurSeqTest seed " + SEED);
        for (int[] s : shapes) {
            for (int ch = 1; ch <= 4; ch++) {
                Image img = SyntheticImages.generate(s[0], s[1], ch, seed++);
                for (double sigma : sigmas) {
                    int d = maxDiff(definition(img, gaussian(sigma)), BlurSeq.blur(img, BlurWeights.gaussian(sigma)));
                    assertTrue(d <= BlurTask.TOLERANCE, img + " sigma " + sigma + " seed " + (seed - 1) + ": " + d);
                }
                for (int b : boxes) {
                    double[] w = new double[2 * b + 1];
                    Arrays.fill(w, 1.0 / w.length);
                    int d = maxDiff(definition(img, w), BlurSeq.blur(img, BlurWeights.box(b)));
                    assertTrue(d <= BlurTask.TOLERANCE, img + " box " + b + " seed " + (seed - 1) + ": " + d);
                }
            }
        }
    }

    @Test
    void asymmetricWeightsTakeTheGeneralPath() {
        SplittableRandom rnd = new SplittableRandom(SEED);
        float[] w = new float[7];
        double[] wd = new double[7];
        double sum = 0;
        for (int i = 0; i < 7; i++) {
            wd[i] = rnd.nextDouble();
            sum += wd[i];
        }
        for (int i = 0; i < 7; i++) {
            wd[i] /= sum;
            w[i] = (float) wd[i];
        }
        Image img = SyntheticImages.generate(3000, 7, 3, SEED);
        int d = maxDiff(definition(img, wd), BlurSeq.blur(img, w));
        assertTrue(d <= BlurTask.TOLERANCE, "asymmetric weights " + Arrays.toString(w) + " seed " + SEED + ": " + d);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void tilesAssembleToTheWholeImageOnEachPath(boolean vector) {
        Assumptions.assumeTrue(!vector || BlurPath.available(), "no Vector API path in this JVM");
        Image img = SyntheticImages.generate(1100, 70, 4, SEED);
        float[] w = BlurWeights.gaussian(4);
        byte[] dst = new byte[img.sampleCount()];
        for (int y0 = 0; y0 < 70; y0 += 13) {
            for (int x0 = 0; x0 < 1100; x0 += 301) {
                BlurSeq.blurTile(img, w, y0, Math.min(70, y0 + 13), x0, Math.min(1100, x0 + 301), dst, vector);
            }
        }
        assertEquals(BlurSeq.blur(img, w, vector), new Image(1100, 70, 4, dst));
    }
}
