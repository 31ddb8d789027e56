package io.gpulab.cpu.seq;

import io.gpulab.api.Kernel;
import io.gpulab.images.Image;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * Blurs each image on one thread: a separable pass over columns, then over rows, borders replicated, rounded to
 * nearest and clamped to 0..255. Filtering columns first gives the same sums as rows first up to float rounding, far
 * below the published tolerance.
 *
 * <p>How it is fast on JDK 17 without the Vector API: every filter loop is written so that C2 vectorizes it (see
 * {@link BlurTaps}). The image is cut into column strips of {@link #stripWidth} pixels; in a strip, each source row is
 * widened once into a layout where one SIMD vector holds the same position of several segments of the row
 * ({@link BlurLayout}), into a ring of {@code 2r + 2} rows that stays in the L2 cache ({@link BlurStrips}). Per
 * pair of output rows the column pass sums whole ring rows, then per row the row pass runs along it in the same
 * layout, and the result is rounded to bytes. Widening and rounding are the only scalar loops. Each segment filters
 * its own {@code r}-pixel halo in the column pass, so a strip of segments of {@code len} pixels does
 * {@code 2r / len} extra column work (about 9% at sigma 3).
 *
 * <p>When the JVM runs with {@code --add-modules jdk.incubator.vector} (and the CPU has 256-bit vectors and FMA),
 * {@link #blurTile} can run {@link BlurVector} instead, which also converts bytes and floats in SIMD lanes; which
 * path a call takes is chosen once per call by {@link BlurPath} (by default: the path above until the JVM is warm).
 * {@link #simd} tells which path runs and why. Both paths agree with the definition within
 * {@link io.gpulab.tasks.BlurTask#TOLERANCE}, not bit for bit.
 */
public final class BlurSeq implements Kernel<BlurInput, BlurOutput> {

    /** The ring of one strip should stay below this many floats, so that it fits a 512 KiB L2 cache. */
    private static final int RING_FLOATS = 65536;

    /** Returns which blur path this JVM runs, and why ({@link BlurPath#describe}). */
    public static String simd() {
        return BlurPath.describe();
    }

    /** Blurs every image of the input on one path, chosen once for the whole call by {@link BlurPath#choose}. */
    @Override
    public BlurOutput run(BlurInput input) {
        List<Image> out = new ArrayList<>(input.images().size());
        float[] w = input.spec().weights();
        boolean vector = BlurPath.choose(work(input.images(), w.length));
        for (Image img : input.images()) {
            out.add(blur(img, w, vector));
        }
        return new BlurOutput(out);
    }

    /** Returns the sample-taps of blurring these images with {@code taps} weights, for {@link BlurPath#choose}. */
    public static long work(List<Image> images, int taps) {
        long work = 0;
        for (Image img : images) {
            work += BlurPath.work(img, taps);
        }
        return work;
    }

    /** Blurs one image with these separable weights (an odd count, centre tap in the middle), path chosen per call. */
    public static Image blur(Image img, float[] w) {
        return blur(img, w, BlurPath.choose(BlurPath.work(img, w.length)));
    }

    /** Blurs one image on the Vector API path when {@code vector} is true, else on the C2 path. */
    public static Image blur(Image img, float[] w, boolean vector) {
        byte[] dst = new byte[img.sampleCount()];
        blurTile(img, w, 0, img.height(), 0, img.width(), dst, vector);
        return new Image(img.width(), img.height(), img.channels(), dst);
    }

    /** Blurs one image on the path without the Vector API, whichever path {@link #simd} reports; for tests. */
    static Image blurScalar(Image img, float[] w) {
        byte[] dst = new byte[img.sampleCount()];
        check(img, w, 0, img.height(), 0, img.width(), dst);
        scalarTile(img, w, 0, img.height(), 0, img.width(), dst);
        return new Image(img.width(), img.height(), img.channels(), dst);
    }

    /**
     * Returns the width in pixels of the column strips that {@link #blurTile} works in for this channel count and
     * radius, so that the ring of {@code 2r + 1} widened rows of one strip stays in the L2 cache for the usual radii.
     */
    public static int stripWidth(int channels, int radius) {
        return BlurLayout.segments(channels) * segmentLength(radius);
    }

    /** Returns the pixels per segment: as many as the ring allows, at least 2r so that halos stay a minor cost. */
    private static int segmentLength(int r) {
        int fit = RING_FLOATS / BlurTaps.UNIT / (2 * r + 1) - 2 * r;
        return Math.min(256, Math.max(Math.max(32, 2 * r), fit));
    }

    /**
     * Writes the blurred pixels of rows {@code [y0, y1)} and columns {@code [x0, x1)} into {@code dst}, which has the
     * layout of {@code img.pixels()}; other samples of {@code dst} are left alone, so disjoint tiles may run on
     * different threads. A tile reads source pixels up to {@code r} outside itself (the halo); the column pass also
     * runs over the {@code r} halo columns of each segment, so work is repeated at strip and segment edges, and rows
     * are never filtered twice. Every output sample is computed by the same operations whatever the tiling, so
     * tiles assemble to exactly the bytes of {@link #blur} on the same path: {@code vector} selects the Vector API
     * path ({@link BlurPath}), which only a JVM where {@link BlurPath#available} may ask for.
     */
    public static void blurTile(Image img, float[] w, int y0, int y1, int x0, int x1, byte[] dst, boolean vector) {
        check(img, w, y0, y1, x0, x1, dst);
        if (vector && !BlurPath.available()) {
            throw new IllegalStateException("the Vector API blur path is not available in this JVM");
        }
        if (vector) {
            BlurVector.blurTile(img, w, y0, y1, x0, x1, dst);
        } else {
            scalarTile(img, w, y0, y1, x0, x1, dst);
        }
    }

    private static void check(Image img, float[] w, int y0, int y1, int x0, int x1, byte[] dst) {
        if (w.length % 2 == 0) {
            throw new IllegalArgumentException("weights must have an odd length 2r + 1: " + w.length);
        }
        if (y0 < 0 || y1 > img.height() || y0 > y1 || x0 < 0 || x1 > img.width() || x0 > x1) {
            throw new IllegalArgumentException("tile rows [" + y0 + ", " + y1 + ") columns [" + x0 + ", " + x1
                    + ") outside " + img);
        }
        if (dst.length != img.sampleCount()) {
            throw new IllegalArgumentException("dst has " + dst.length + " samples, image " + img.sampleCount());
        }
    }

    private static void scalarTile(Image img, float[] w, int y0, int y1, int x0, int x1, byte[] dst) {
        if (y0 == y1 || x0 == x1) {
            return;
        }
        int r = w.length / 2;
        int segments = BlurLayout.segments(img.channels());
        int strip = stripWidth(img.channels(), r);
        int maxLen = ceilDiv(Math.min(strip, x1 - x0), segments);
        BlurStrips strips = new BlurStrips(img, w, y0, y1, maxLen);
        for (int xs = x0; xs < x1; xs += strip) {
            int xe = Math.min(x1, xs + strip);
            strips.run(xs, xe, ceilDiv(xe - xs, segments), dst);
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
