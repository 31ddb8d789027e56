package io.gpulab.cpu.seq;

import io.gpulab.images.Image;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The blur of {@link BlurSeq} written with the incubating Vector API (256-bit vectors), used only when the JVM runs
 * with {@code --add-modules jdk.incubator.vector}; nothing may load this class otherwise.
 *
 * <p>Why it exists: on JDK 17, C2 auto-vectorizes the float filter loops of the scalar path but none of its
 * byte/float conversions, which took about half of its time; here widening is B2I, and 0xFF, I2F in vector lanes
 * and narrowing is the {@link BlurLayout#ROUND} trick plus I2B. F2I is avoided because C2 17 does not intrinsify it
 * on AVX2. Unaligned vector loads cost little with the Vector API, so rows stay in the plain interleaved layout.
 *
 * <p>Work order, per column strip of a tile: each source row is widened once into a float row padded by {@code r}
 * replicated pixels on both sides, filtered along x ({@code out[i] = sum_k w_k in[i + k ch]}) into a ring of
 * {@code 2r + 2} filtered rows that stays in the L2 cache; per pair of output rows the column pass sums the ring
 * rows into two float rows, which are then clamped to 0..255, rounded and narrowed to bytes. Every sample gets the
 * same operations in the same order (a multiply by the first tap, then one fused multiply-add per further tap, then
 * clamp and round) whether a vector or the scalar tail computes it, and whatever the tiling, so tiles assemble to
 * exactly the bytes of a whole-image run.
 * This relies on hardware FMA: {@link BlurSeq} uses this class only when {@link BlurTaps#HARDWARE_FMA} holds.
 */
final class BlurVector {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_64;

    /** Floats per vector. */
    private static final int LANES = 8;

    /**
     * Floats per block of the row pass: eight independent accumulators keep both FMA pipes busy despite the four
     * cycles' latency of each fused multiply-add (four accumulators measured 30% slower).
     */
    private static final int ROW_BLOCK = 8 * LANES;

    /** Floats per block of the column pass, which computes two output rows at once: eight accumulators again. */
    private static final int BLOCK = 4 * LANES;

    /** The ring of one strip should stay below this many floats (256 KiB), half of a 512 KiB L2 cache. */
    private static final int RING_FLOATS = 65536;

    /** The least strip width in pixels, so that the {@code 2r} halo pixels stay a minor cost for small radii. */
    private static final int MIN_STRIP = 64;

    private final Image img;
    private final float[] w;
    private final int r;
    private final int ch;
    private final int y0;
    private final int y1;
    private final int lo;
    private final float[] pad;
    private final float[][] ring;
    private final float[][] window;
    private final float[] sums;
    private final float[] sums1;

    private BlurVector(Image img, float[] w, int y0, int y1, int maxStrip) {
        this.img = img;
        this.w = w;
        this.r = w.length / 2;
        this.ch = img.channels();
        this.y0 = y0;
        this.y1 = y1;
        this.lo = Math.max(0, y0 - r);
        int hi = Math.min(img.height() - 1, y1 - 1 + r);
        this.pad = new float[(maxStrip + 2 * r) * ch];
        this.ring = new float[Math.min(2 * r + 2, hi - lo + 1)][maxStrip * ch];
        this.window = new float[w.length + 1][];
        this.sums = new float[maxStrip * ch];
        this.sums1 = new float[maxStrip * ch];
    }

    /** Returns true if this CPU's preferred vectors are at least 256 bits wide, so the 256-bit species run in SIMD. */
    static boolean supported() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() >= F.vectorBitSize();
    }

    /** Blurs one image with these separable weights, as {@link BlurSeq#blur} does. */
    static Image blur(Image img, float[] w) {
        byte[] dst = new byte[img.sampleCount()];
        blurTile(img, w, 0, img.height(), 0, img.width(), dst);
        return new Image(img.width(), img.height(), img.channels(), dst);
    }

    /**
     * Writes the blurred rows {@code [y0, y1)}, columns {@code [x0, x1)} into {@code dst} like
     * {@link BlurSeq#blurTile}, whose checks the arguments have passed.
     */
    static void blurTile(Image img, float[] w, int y0, int y1, int x0, int x1, byte[] dst) {
        if (y0 == y1 || x0 == x1) {
            return;
        }
        int r = w.length / 2;
        int strip = Math.max(MIN_STRIP, RING_FLOATS / (2 * r + 2) / img.channels());
        BlurVector v = new BlurVector(img, w, y0, y1, Math.min(strip, x1 - x0));
        for (int xs = x0; xs < x1; xs += strip) {
            v.run(xs, Math.min(x1, xs + strip), dst);
        }
    }

    private void run(int xs, int xe, byte[] dst) {
        int n = (xe - xs) * ch;
        int height = img.height();
        int next = lo;
        for (int y = y0; y < y1; y += pairs(y) ? 2 : 1) {
            boolean pair = pairs(y);
            int rows = pair ? 2 : 1;
            for (int need = Math.min(height - 1, y + rows - 1 + r); next <= need; next++) {
                widen(next, xs, xe);
                rowPass(ring[(next - lo) % ring.length], n);
            }
            for (int k = 0; k < w.length + rows - 1; k++) {
                int s = Math.min(height - 1, Math.max(0, y + k - r));
                window[k] = ring[(s - lo) % ring.length];
            }
            int d = (y * img.width() + xs) * ch;
            if (pair) {
                columnPair(n, sums, sums1);
                narrow(sums, n, dst, d);
                narrow(sums1, n, dst, d + img.width() * ch);
            } else {
                columnPass(0, n, sums);
                narrow(sums, n, dst, d);
            }
        }
    }

    /** Returns true if output rows {@code y} and {@code y + 1} go through {@link #columnPair} (which needs r > 0). */
    private boolean pairs(int y) {
        return y + 1 < y1 && r > 0;
    }

    /** Widens pixels {@code [xs - r, xe + r)} of row {@code y} to floats in {@code pad}, replicating the border. */
    private void widen(int y, int xs, int xe) {
        byte[] src = img.pixels();
        int width = img.width();
        int row = y * width * ch;
        int first = xs - r;
        int positions = xe - xs + 2 * r;
        int left = Math.min(positions, Math.max(0, -first));
        int right = Math.max(left, Math.min(positions, width - first));
        for (int p = 0; p < left; p++) {
            for (int c = 0; c < ch; c++) {
                pad[p * ch + c] = src[row + c] & 0xFF;
            }
        }
        widenRange(src, row + (first + left) * ch, left * ch, (right - left) * ch);
        int last = row + (width - 1) * ch;
        for (int p = right; p < positions; p++) {
            for (int c = 0; c < ch; c++) {
                pad[p * ch + c] = src[last + c] & 0xFF;
            }
        }
    }

    private void widenRange(byte[] src, int s, int d, int count) {
        int i = 0;
        for (; i <= count - LANES; i += LANES) {
            ByteVector b = ByteVector.fromArray(B, src, s + i);
            IntVector v = ((IntVector) b.convertShape(VectorOperators.B2I, I, 0)).and(0xFF);
            ((FloatVector) v.convertShape(VectorOperators.I2F, F, 0)).intoArray(pad, d + i);
        }
        for (; i < count; i++) {
            pad[d + i] = src[s + i] & 0xFF;
        }
    }

    /** Filters {@code pad} along x into {@code out[i] = sum_k w_k pad[i + k ch]} for {@code i < n}. */
    private void rowPass(float[] out, int n) {
        float[] t = pad;
        int step = ch;
        int i = 0;
        for (; i <= n - ROW_BLOCK; i += ROW_BLOCK) {
            FloatVector w0 = FloatVector.broadcast(F, w[0]);
            FloatVector a0 = FloatVector.fromArray(F, t, i).mul(w0);
            FloatVector a1 = FloatVector.fromArray(F, t, i + LANES).mul(w0);
            FloatVector a2 = FloatVector.fromArray(F, t, i + 2 * LANES).mul(w0);
            FloatVector a3 = FloatVector.fromArray(F, t, i + 3 * LANES).mul(w0);
            FloatVector a4 = FloatVector.fromArray(F, t, i + 4 * LANES).mul(w0);
            FloatVector a5 = FloatVector.fromArray(F, t, i + 5 * LANES).mul(w0);
            FloatVector a6 = FloatVector.fromArray(F, t, i + 6 * LANES).mul(w0);
            FloatVector a7 = FloatVector.fromArray(F, t, i + 7 * LANES).mul(w0);
            for (int k = 1, o = i + step; k < w.length; k++, o += step) {
                FloatVector wk = FloatVector.broadcast(F, w[k]);
                a0 = FloatVector.fromArray(F, t, o).fma(wk, a0);
                a1 = FloatVector.fromArray(F, t, o + LANES).fma(wk, a1);
                a2 = FloatVector.fromArray(F, t, o + 2 * LANES).fma(wk, a2);
                a3 = FloatVector.fromArray(F, t, o + 3 * LANES).fma(wk, a3);
                a4 = FloatVector.fromArray(F, t, o + 4 * LANES).fma(wk, a4);
                a5 = FloatVector.fromArray(F, t, o + 5 * LANES).fma(wk, a5);
                a6 = FloatVector.fromArray(F, t, o + 6 * LANES).fma(wk, a6);
                a7 = FloatVector.fromArray(F, t, o + 7 * LANES).fma(wk, a7);
            }
            a0.intoArray(out, i);
            a1.intoArray(out, i + LANES);
            a2.intoArray(out, i + 2 * LANES);
            a3.intoArray(out, i + 3 * LANES);
            a4.intoArray(out, i + 4 * LANES);
            a5.intoArray(out, i + 5 * LANES);
            a6.intoArray(out, i + 6 * LANES);
            a7.intoArray(out, i + 7 * LANES);
        }
        for (; i <= n - LANES; i += LANES) {
            FloatVector a = FloatVector.fromArray(F, t, i).mul(w[0]);
            for (int k = 1, o = i + step; k < w.length; k++, o += step) {
                a = FloatVector.fromArray(F, t, o).fma(FloatVector.broadcast(F, w[k]), a);
            }
            a.intoArray(out, i);
        }
        for (; i < n; i++) {
            float a = t[i] * w[0];
            for (int k = 1, o = i + step; k < w.length; k++, o += step) {
                a = Math.fma(t[o], w[k], a);
            }
            out[i] = a;
        }
    }

    /**
     * Sums the {@link #window} rows {@code [0, 2r]} with the weights into {@code out[i]} for {@code from <= i < n}:
     * the row of an unpaired output row, and the tail of a pair.
     */
    private void columnPass(int from, int n, float[] out) {
        float[][] a = window;
        int i = from;
        for (; i <= n - LANES; i += LANES) {
            FloatVector v = FloatVector.fromArray(F, a[0], i).mul(w[0]);
            for (int k = 1; k < w.length; k++) {
                v = FloatVector.fromArray(F, a[k], i).fma(FloatVector.broadcast(F, w[k]), v);
            }
            v.intoArray(out, i);
        }
        for (; i < n; i++) {
            float v = a[0][i] * w[0];
            for (int k = 1; k < w.length; k++) {
                v = Math.fma(a[k][i], w[k], v);
            }
            out[i] = v;
        }
    }

    /**
     * Computes output rows {@code window[0..2r]} and {@code window[1..2r+1]} at once, so that each ring row loaded
     * from L2 feeds both (the column pass alone was bound by L2 loads); each sample still gets its taps in order.
     * Longer than most methods because the eight accumulators must be locals for C2 to keep them in registers.
     */
    private void columnPair(int n, float[] out0, float[] out1) {
        float[][] a = window;
        int taps = w.length;
        int i = 0;
        for (; i <= n - BLOCK; i += BLOCK) {
            FloatVector w0 = FloatVector.broadcast(F, w[0]);
            float[] s = a[0];
            FloatVector a0 = FloatVector.fromArray(F, s, i).mul(w0);
            FloatVector a1 = FloatVector.fromArray(F, s, i + LANES).mul(w0);
            FloatVector a2 = FloatVector.fromArray(F, s, i + 2 * LANES).mul(w0);
            FloatVector a3 = FloatVector.fromArray(F, s, i + 3 * LANES).mul(w0);
            s = a[1];
            FloatVector x0 = FloatVector.fromArray(F, s, i);
            FloatVector x1 = FloatVector.fromArray(F, s, i + LANES);
            FloatVector x2 = FloatVector.fromArray(F, s, i + 2 * LANES);
            FloatVector x3 = FloatVector.fromArray(F, s, i + 3 * LANES);
            FloatVector wk = FloatVector.broadcast(F, w[1]);
            a0 = x0.fma(wk, a0);
            a1 = x1.fma(wk, a1);
            a2 = x2.fma(wk, a2);
            a3 = x3.fma(wk, a3);
            FloatVector b0 = x0.mul(w0);
            FloatVector b1 = x1.mul(w0);
            FloatVector b2 = x2.mul(w0);
            FloatVector b3 = x3.mul(w0);
            for (int k = 2; k < taps; k++) {
                wk = FloatVector.broadcast(F, w[k]);
                FloatVector wp = FloatVector.broadcast(F, w[k - 1]);
                s = a[k];
                x0 = FloatVector.fromArray(F, s, i);
                x1 = FloatVector.fromArray(F, s, i + LANES);
                x2 = FloatVector.fromArray(F, s, i + 2 * LANES);
                x3 = FloatVector.fromArray(F, s, i + 3 * LANES);
                a0 = x0.fma(wk, a0);
                a1 = x1.fma(wk, a1);
                a2 = x2.fma(wk, a2);
                a3 = x3.fma(wk, a3);
                b0 = x0.fma(wp, b0);
                b1 = x1.fma(wp, b1);
                b2 = x2.fma(wp, b2);
                b3 = x3.fma(wp, b3);
            }
            wk = FloatVector.broadcast(F, w[taps - 1]);
            s = a[taps];
            b0 = FloatVector.fromArray(F, s, i).fma(wk, b0);
            b1 = FloatVector.fromArray(F, s, i + LANES).fma(wk, b1);
            b2 = FloatVector.fromArray(F, s, i + 2 * LANES).fma(wk, b2);
            b3 = FloatVector.fromArray(F, s, i + 3 * LANES).fma(wk, b3);
            a0.intoArray(out0, i);
            a1.intoArray(out0, i + LANES);
            a2.intoArray(out0, i + 2 * LANES);
            a3.intoArray(out0, i + 3 * LANES);
            b0.intoArray(out1, i);
            b1.intoArray(out1, i + LANES);
            b2.intoArray(out1, i + 2 * LANES);
            b3.intoArray(out1, i + 3 * LANES);
        }
        columnPass(i, n, out0);
        System.arraycopy(a, 1, a, 0, taps);
        columnPass(i, n, out1);
    }

    /**
     * Clamps {@code sums[i]} to 0..255, rounds to nearest by adding {@link BlurLayout#ROUND} (the integer lands in
     * the low mantissa bits) and narrows the bit patterns to their low bytes at {@code dst[d + i]}, for {@code i < n}.
     * A loop of its own: a narrowing helper called from the filter loops was not inlined by C2, which then boxed
     * every vector passed to it (about 200 MB of garbage per 4K frame).
     */
    private static void narrow(float[] sums, int n, byte[] dst, int d) {
        int i = 0;
        for (; i <= n - LANES; i += LANES) {
            IntVector bits = FloatVector.fromArray(F, sums, i).max(0f).min(255f).add(BlurLayout.ROUND)
                    .reinterpretAsInts();
            ((ByteVector) bits.castShape(B, 0)).intoArray(dst, d + i);
        }
        for (; i < n; i++) {
            dst[d + i] = (byte) Float.floatToRawIntBits(Math.min(255f, Math.max(0f, sums[i])) + BlurLayout.ROUND);
        }
    }
}
