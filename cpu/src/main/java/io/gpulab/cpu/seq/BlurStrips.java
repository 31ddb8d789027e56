package io.gpulab.cpu.seq;

import io.gpulab.images.Image;
import java.util.Arrays;

/**
 * Blurs the rows {@code [y0, y1)} of an image strip by strip, reusing one set of buffers for every strip.
 *
 * <p>For each strip the source rows are widened into the unit layout ({@link BlurLayout}) once each, into a ring of
 * {@code 2r + 2} rows that stays in the L2 cache. Output rows go in pairs: the column pass (a weighted sum of whole
 * ring rows) computes both rows of a pair in one loop, so that they share the loads from L2, which bounded it; then
 * each row gets the row pass along x and is rounded to bytes. A pair computes each of its rows with exactly the
 * operations a lone row would get, so where the pairs fall does not change any byte. Taps go four per loop
 * ({@link BlurTaps}), padded with zero weights to a multiple of four; the group with the padding (the first of the
 * row cascade, and the last of the column pass when it has more than one) runs a loop for just its one or three
 * real taps, which computes the same bits as the four-tap loop with its zero weights would.
 *
 * <p>All buffers the filter loops touch have one length, chosen so that each array takes a whole number of 64-byte
 * lines, and are allocated one after the other, so that they normally sit at one offset modulo 64 bytes. C2 aligns
 * a vector loop's store to the vector size and lets the loads fall where they fall: a load from an array at another
 * offset splits cache lines. That offset used to be the allocator's luck; the whole blur took 88.6 to 90.5 ms
 * (4K RGBA, sigma 3, one thread) over six JVM runs, and 82.2 to 83.5 ms with the buffers aligned this way. Where
 * the arrays land otherwise (another header size, a new allocation buffer between two of them, a collection that
 * moves them) costs speed only, never a different byte.
 */
final class BlurStrips {

    private static final int TAPS_PER_LOOP = 4;

    /** Floats per 64-byte cache line. */
    private static final int LINE_FLOATS = 16;

    /** Floats in the header of a HotSpot float array with compressed class pointers (the default): 16 bytes. */
    private static final int HEADER_FLOATS = 4;

    /** Floats per block of the column pass: both output rows of a block (8 KiB) stay in the L1 cache over all taps. */
    private static final int COLUMN_BLOCK = 1024;

    private final Image img;
    private final int r;
    private final int y0;
    private final int y1;
    private final int lo;
    private final float[] w;
    /** The taps before zero padding: groups of fewer than four real taps run loops without the padding taps. */
    private final int real;
    private final boolean clamp;
    private final BlurLayout layout;
    private final float[][] ring;
    private final float[] zeros;
    private final float[] column;
    private final float[] column1;
    private final float[] cascade;
    private final float[][] window;

    /** Prepares buffers for segments of up to {@code maxLen} pixels. */
    BlurStrips(Image img, float[] weights, int y0, int y1, int maxLen) {
        this.img = img;
        this.r = weights.length / 2;
        this.y0 = y0;
        this.y1 = y1;
        int taps = (weights.length + TAPS_PER_LOOP - 1) / TAPS_PER_LOOP * TAPS_PER_LOOP;
        this.w = Arrays.copyOf(weights, taps);
        this.real = weights.length;
        this.clamp = mayLeaveByteRange(weights);
        this.layout = new BlurLayout(img.pixels(), img.width(), img.channels(), r);
        this.lo = Math.max(0, y0 - r);
        int hi = Math.min(img.height() - 1, y1 - 1 + r);
        // the row cascade reads up to taps - 1 units beyond the last position: zero weights times zeros
        int length = sameAlignment((maxLen + taps - 1) * BlurTaps.UNIT);
        // allocated back to back and all of one length, so that all start at one offset modulo 64 bytes
        this.ring = new float[Math.min(2 * r + 2, hi - lo + 1)][];
        for (int k = 0; k < ring.length; k++) {
            ring[k] = new float[length];
        }
        this.zeros = new float[length];
        this.column = new float[length];
        this.column1 = new float[length];
        this.cascade = new float[length];
        this.window = new float[taps + 1][];
    }

    /**
     * Returns the least length of at least {@code n} floats whose array, header included, takes a whole number of
     * 64-byte lines; see the class comment.
     */
    private static int sameAlignment(int n) {
        return (n + HEADER_FLOATS + LINE_FLOATS - 1) / LINE_FLOATS * LINE_FLOATS - HEADER_FLOATS;
    }

    /** Returns true unless every weight is >= 0 and they sum to at most 1, so that results stay in 0..255. */
    private static boolean mayLeaveByteRange(float[] w) {
        double sum = 0;
        for (float v : w) {
            if (!(v >= 0)) {
                return true;
            }
            sum += v;
        }
        return sum > 1 + 1e-5;
    }

    /** Blurs columns {@code [x0, x1)} of rows {@code [y0, y1)} into {@code dst}, as segments of {@code len}. */
    void run(int x0, int x1, int len, byte[] dst) {
        int n = (len + 2 * r) * BlurTaps.UNIT;
        int height = img.height();
        Arrays.fill(window, zeros);
        int next = lo;
        for (int y = y0; y < y1; y += 2) {
            boolean pair = y + 1 < y1;
            int last = pair ? y + 1 : y;
            for (int need = Math.min(height - 1, last + r); next <= need; next++) {
                layout.load(next, x0, len, ring[(next - lo) % ring.length]);
            }
            for (int k = 0; k <= 2 * r + 1; k++) {
                // without a second row, its extra window row may be any loaded row: that result is thrown away
                int s = Math.min(height - 1, Math.max(0, y + Math.min(k, 2 * r + (pair ? 1 : 0)) - r));
                window[k] = ring[(s - lo) % ring.length];
            }
            columnPass(n);
            rowPass(column, len);
            layout.store(cascade, y, x0, x1, len, clamp, dst);
            if (pair) {
                rowPass(column1, len);
                layout.store(cascade, y + 1, x0, x1, len, clamp, dst);
            }
        }
    }

    /**
     * Runs the column pass for output rows {@code y} and {@code y + 1} at once, in blocks along the row so that the
     * two partial sums stay in the L1 cache while every tap group streams its rows from the ring in L2.
     */
    private void columnPass(int n) {
        float[][] a = window;
        int last = w.length - TAPS_PER_LOOP;
        for (int from = 0; from < n; from += COLUMN_BLOCK) {
            int to = Math.min(n, from + COLUMN_BLOCK);
            BlurTaps.columnFirst(column, column1, a[0], a[1], a[2], a[3], a[4], w[0], w[1], w[2], w[3], from, to);
            for (int k = TAPS_PER_LOOP; k < last; k += TAPS_PER_LOOP) {
                BlurTaps.columnNext(column, column1, a[k], a[k + 1], a[k + 2], a[k + 3], a[k + 4], w[k], w[k + 1],
                        w[k + 2], w[k + 3], from, to);
            }
            if (last > 0) {
                int k = last;
                switch (real - last) {
                    case 1 -> BlurTaps.columnNext1(column, column1, a[k], a[k + 1], w[k], from, to);
                    case 3 -> BlurTaps.columnNext3(column, column1, a[k], a[k + 1], a[k + 2], a[k + 3], w[k],
                            w[k + 1], w[k + 2], from, to);
                    default -> BlurTaps.columnNext(column, column1, a[k], a[k + 1], a[k + 2], a[k + 3], a[k + 4],
                            w[k], w[k + 1], w[k + 2], w[k + 3], from, to);
                }
            }
        }
    }

    /**
     * Runs the row pass as a cascade from the highest taps down: after the group starting at tap {@code k},
     * {@code cascade[i] = sum_{m >= k} w[m] column[i + (m - k) UNIT]}, needed for positions below {@code len + k};
     * the results carry {@link BlurLayout#ROUND} for the store.
     */
    private void rowPass(float[] column, int len) {
        int k = w.length - TAPS_PER_LOOP;
        float bias = k == 0 ? BlurLayout.ROUND : 0;
        int n = (len + k) * BlurTaps.UNIT;
        switch (real - k) {
            case 1 -> BlurTaps.rowFirst1(cascade, column, w[k], bias, n);
            case 3 -> BlurTaps.rowFirst3(cascade, column, w[k], w[k + 1], w[k + 2], bias, n);
            default -> BlurTaps.rowFirst(cascade, column, w[k], w[k + 1], w[k + 2], w[k + 3], bias, n);
        }
        for (k -= TAPS_PER_LOOP; k > 0; k -= TAPS_PER_LOOP) {
            BlurTaps.rowNext(cascade, column, w[k], w[k + 1], w[k + 2], w[k + 3], (len + k) * BlurTaps.UNIT);
        }
        if (k == 0) {
            BlurTaps.rowLast(cascade, column, w[0], w[1], w[2], w[3], BlurLayout.ROUND, len * BlurTaps.UNIT);
        }
    }
}
