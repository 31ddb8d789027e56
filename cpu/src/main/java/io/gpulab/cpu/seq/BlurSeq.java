package io.gpulab.cpu.seq;

import io.gpulab.api.Kernel;
import io.gpulab.images.Image;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * Blurs each image on one thread: a separable pass over rows, then over columns, borders replicated, rounded to
 * nearest and clamped to 0..255.
 *
 * <p>How it is fast: samples stay interleaved, so one loop over a strip of a row filters every channel at once (tap k
 * of channel c is {@code k * channels} samples away). The image is cut into column strips of about 2048 samples; each
 * strip runs top to bottom. Each source row of a strip is widened to floats once, with {@code r} pixels of halo
 * (replicated beyond the image border) on both sides, so the inner loops have no border tests; {@code 2r + 1}
 * shifted copies of it (System.arraycopy) feed the row filter (see {@link BlurTaps} for why). The weights are
 * symmetric, so each pair of taps at {@code -j} and {@code +j} costs one multiply. The row-filtered rows wait in a
 * ring of {@code 2r + 1} rows, and every output row is the weighted sum of whole ring rows: the column pass also runs
 * along rows with unit stride, and the ring of one strip stays in the L2 cache (a ring of full 4K rows would not).
 * Asymmetric weights (no {@code BlurSpec} makes them, but {@link #blur} accepts them) take a tap-by-tap path.
 */
public final class BlurSeq implements Kernel<BlurInput, BlurOutput> {

    @Override
    public BlurOutput run(BlurInput input) {
        List<Image> out = new ArrayList<>(input.images().size());
        float[] w = input.spec().weights();
        for (Image img : input.images()) {
            out.add(blur(img, w));
        }
        return new BlurOutput(out);
    }

    /** Blurs one image with these separable weights (an odd count, centre tap in the middle). */
    public static Image blur(Image img, float[] w) {
        byte[] dst = new byte[img.pixels().length];
        int strip = stripWidth(img.channels());
        for (int x0 = 0; x0 < img.width(); x0 += strip) {
            blurTile(img, w, 0, img.height(), x0, Math.min(img.width(), x0 + strip), dst);
        }
        return new Image(img.width(), img.height(), img.channels(), dst);
    }

    /**
     * Returns the width in pixels of the column strips {@link #blur} works in: about 2048 samples, so that the ring of
     * {@code 2r + 1} filtered rows of one strip stays in the L2 cache for the usual radii.
     */
    public static int stripWidth(int channels) {
        return 2048 / channels;
    }

    /**
     * Writes the blurred pixels of rows {@code [y0, y1)} and columns {@code [x0, x1)} into {@code dst}, which has the
     * layout of {@code img.pixels()}; other samples of {@code dst} are left alone, so disjoint tiles may run on
     * different threads. A tile reads source pixels up to {@code r} outside itself (the halo) and filters the
     * {@code r} rows above and below it along x again, so tiles spanning the full height compute nothing twice.
     */
    public static void blurTile(Image img, float[] w, int y0, int y1, int x0, int x1, byte[] dst) {
        if (w.length % 2 == 0) {
            throw new IllegalArgumentException("weights must have an odd length 2r + 1: " + w.length);
        }
        if (y0 < 0 || y1 > img.height() || y0 > y1 || x0 < 0 || x1 > img.width() || x0 > x1) {
            throw new IllegalArgumentException("tile rows [" + y0 + ", " + y1 + ") columns [" + x0 + ", " + x1
                    + ") outside " + img);
        }
        if (dst.length != img.pixels().length) {
            throw new IllegalArgumentException("dst has " + dst.length + " samples, image " + img.pixels().length);
        }
        if (y0 < y1 && x0 < x1) {
            new Tile(img, w, y0, y1, x0, x1).run(dst);
        }
    }

    /** The state of one tile: the padded source row, the ring of row-filtered rows and the accumulator. */
    private static final class Tile {
        private final byte[] src;
        private final float[] w;
        private final int width;
        private final int height;
        private final int ch;
        private final int stride;
        private final int r;
        private final int y0;
        private final int y1;
        private final int x0;
        private final int x1;
        private final int n;
        private final int lo;
        private final boolean symmetric;
        private final float[] pad;
        private final float[][] ring;
        private final float[] acc;
        private final float[][] shifted;

        Tile(Image img, float[] w, int y0, int y1, int x0, int x1) {
            this.src = img.pixels();
            this.w = w;
            this.width = img.width();
            this.height = img.height();
            this.ch = img.channels();
            this.stride = width * ch;
            this.r = w.length / 2;
            this.y0 = y0;
            this.y1 = y1;
            this.x0 = x0;
            this.x1 = x1;
            this.n = (x1 - x0) * ch;
            this.lo = Math.max(0, y0 - r);
            int hi = Math.min(height - 1, y1 - 1 + r);
            this.symmetric = isSymmetric(w);
            this.pad = new float[n + 2 * r * ch];
            this.ring = new float[Math.min(2 * r + 1, hi - lo + 1)][n];
            this.acc = new float[n];
            this.shifted = new float[2 * r + 1][n];
        }

        void run(byte[] dst) {
            float[][] window = new float[2 * r + 1][];
            int next = lo;
            for (int y = y0; y < y1; y++) {
                int need = Math.min(height - 1, y + r);
                for (; next <= need; next++) {
                    filterRow(next, ring[(next - lo) % ring.length]);
                }
                for (int d = -r; d <= r; d++) {
                    int s = Math.min(height - 1, Math.max(0, y + d));
                    window[d + r] = ring[(s - lo) % ring.length];
                }
                filter(window, acc);
                store(acc, dst, y * stride + x0 * ch);
            }
        }

        /**
         * Widens pixels {@code x0 - r .. x1 + r - 1} of source row {@code y} to floats, replicating the edge pixels
         * beyond the image, then filters them along x into {@code out}.
         */
        private void filterRow(int y, float[] out) {
            int row = y * stride;
            int first = Math.max(0, x0 - r);
            int last = Math.min(width, x1 + r);
            int at = (first - (x0 - r)) * ch;
            for (int p = 0; p < at; p += ch) {
                for (int c = 0; c < ch; c++) {
                    pad[p + c] = src[row + c] & 0xFF;
                }
            }
            int base = row + first * ch - at;
            for (int i = at, end = at + (last - first) * ch; i < end; i++) {
                pad[i] = src[base + i] & 0xFF;
            }
            int edge = row + stride - ch;
            for (int p = at + (last - first) * ch; p < pad.length; p += ch) {
                for (int c = 0; c < ch; c++) {
                    pad[p + c] = src[edge + c] & 0xFF;
                }
            }
            // Tap k reads the padded row shifted by k pixels; copies let the filter loops read every array at i.
            for (int k = 0; k <= 2 * r; k++) {
                System.arraycopy(pad, k * ch, shifted[k], 0, n);
            }
            filter(shifted, out);
        }

        private void filter(float[][] taps, float[] out) {
            if (symmetric) {
                BlurTaps.symmetric(taps, w, n, out);
            } else {
                BlurTaps.general(taps, w, n, out);
            }
        }

        private static void store(float[] acc, byte[] dst, int off) {
            for (int i = 0; i < acc.length; i++) {
                int v = (int) (acc[i] + 0.5f);
                dst[off + i] = (byte) Math.min(255, Math.max(0, v));
            }
        }

        private static boolean isSymmetric(float[] w) {
            for (int j = 0; j < w.length / 2; j++) {
                if (w[j] != w[w.length - 1 - j]) {
                    return false;
                }
            }
            return true;
        }
    }
}
