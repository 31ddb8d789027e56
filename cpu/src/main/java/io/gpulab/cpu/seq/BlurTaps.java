package io.gpulab.cpu.seq;

/**
 * The filter loops of {@link BlurSeq}, four taps per loop, written so that JDK 17's C2 vectorizes them.
 *
 * <p>C2 (JDK 17, SuperWord) vectorizes a float loop only when every array index is the loop variable plus a
 * compile-time constant that keeps the vector alignment of the store: a loop that reads {@code s[i + off]} with a
 * variable {@code off}, even 0, or with a constant such as 12, measured about 5x slower than one that reads
 * {@code s[i]} or {@code s[i + 16]}. So the column pass reads {@code 2r + 1} separate row arrays at {@code i}, and
 * the row pass works on rows laid out in units of {@link #UNIT} floats (see {@link BlurLayout}), where the next
 * pixel along x sits exactly one unit further on, and walks the taps as a cascade whose every index is {@code i}
 * plus a constant multiple of the unit.
 *
 * <p>Loop bodies must stay small: C2 unrolls, and so vectorizes, only loops under its unroll node budget. A column
 * loop for four output rows at once, or a row loop over eight taps, was left scalar and measured twice as slow as
 * the whole blur with the loops below; two rows and four taps per loop vectorize.
 *
 * <p>{@code Math.fma} keeps every sum bit-identical whichever loop (vector or scalar pre- and post-loop) computes
 * it, so any tiling of an image gives the same bytes; where the CPU has no FMA, {@link #HARDWARE_FMA} switches to
 * a plain multiply and add, which is just as consistent (Java never contracts it).
 */
final class BlurTaps {

    /** Floats from one pixel to the next along x in the unit layout: 64 bytes, a whole AVX-512 vector. */
    static final int UNIT = 16;

    /**
     * Whether HotSpot turns {@code Math.fma} into the CPU's fused multiply-add. Without it (a CPU without FMA, or
     * -XX:-UseFMA) {@code Math.fma} falls back to exact software arithmetic that is hundreds of times slower, so the
     * taps use a plain multiply and add instead; either form gives the same bits in vector and scalar loops.
     */
    static final boolean HARDWARE_FMA = hardwareFma();

    private BlurTaps() {
    }

    /**
     * Sets {@code out0[i] = w0 a[i] + w1 b[i] + w2 c[i] + w3 d[i]} and {@code out1[i]} the same one row further down
     * (over {@code b, c, d, e}) for {@code from <= i < to}: two output rows share four of their five loads.
     */
    static void columnFirst(float[] out0, float[] out1, float[] a, float[] b, float[] c, float[] d, float[] e,
            float w0, float w1, float w2, float w3, int from, int to) {
        for (int i = from; i < to; i++) {
            float bi = b[i];
            float ci = c[i];
            float di = d[i];
            out0[i] = fma(w0, a[i], fma(w1, bi, fma(w2, ci, w3 * di)));
            out1[i] = fma(w0, bi, fma(w1, ci, fma(w2, di, w3 * e[i])));
        }
    }

    /** Adds the four taps of {@link #columnFirst} to {@code out0[i]} and {@code out1[i]} for {@code from <= i < to}. */
    static void columnNext(float[] out0, float[] out1, float[] a, float[] b, float[] c, float[] d, float[] e,
            float w0, float w1, float w2, float w3, int from, int to) {
        for (int i = from; i < to; i++) {
            float bi = b[i];
            float ci = c[i];
            float di = d[i];
            out0[i] = fma(w0, a[i], w1 * bi) + fma(w2, ci, fma(w3, di, out0[i]));
            out1[i] = fma(w0, bi, w1 * ci) + fma(w2, di, fma(w3, e[i], out1[i]));
        }
    }

    /**
     * Adds the three taps {@code w0 a[i] + w1 b[i] + w2 c[i]} to {@code out0[i]} and the same one row further down
     * (over {@code b, c, d}) to {@code out1[i]}, for {@code from <= i < to}, rounding as {@link #columnNext} does
     * with a fourth, zero weight.
     */
    static void columnNext3(float[] out0, float[] out1, float[] a, float[] b, float[] c, float[] d, float w0,
            float w1, float w2, int from, int to) {
        for (int i = from; i < to; i++) {
            float bi = b[i];
            float ci = c[i];
            out0[i] = fma(w0, a[i], w1 * bi) + fma(w2, ci, out0[i]);
            out1[i] = fma(w0, bi, w1 * ci) + fma(w2, d[i], out1[i]);
        }
    }

    /** Adds {@code w0 a[i]} to {@code out0[i]} and {@code w0 b[i]} to {@code out1[i]} for {@code from <= i < to}. */
    static void columnNext1(float[] out0, float[] out1, float[] a, float[] b, float w0, int from, int to) {
        for (int i = from; i < to; i++) {
            out0[i] = w0 * a[i] + out0[i];
            out1[i] = w0 * b[i] + out1[i];
        }
    }

    /**
     * Starts the row cascade with its three highest taps, {@code p[i] = sum_s w_s t[i + s UNIT] + bias} for
     * {@code i < n}, rounding as {@link #rowFirst} does with a fourth, zero weight.
     */
    static void rowFirst3(float[] p, float[] t, float w0, float w1, float w2, float bias, int n) {
        for (int i = 0; i < n; i++) {
            p[i] = fma(w0, t[i], fma(w1, t[i + 16], w2 * t[i + 32])) + bias;
        }
    }

    /** Starts the row cascade with its one highest tap: {@code p[i] = w0 t[i] + bias} for {@code i < n}. */
    static void rowFirst1(float[] p, float[] t, float w0, float bias, int n) {
        for (int i = 0; i < n; i++) {
            p[i] = w0 * t[i] + bias;
        }
    }

    /**
     * Starts the row cascade with its four highest taps: {@code p[i] = sum_s w_s t[i + s UNIT] + bias} for
     * {@code i < n}; {@code bias} is 0 unless these are the only taps (see {@link #rowLast}).
     */
    static void rowFirst(float[] p, float[] t, float w0, float w1, float w2, float w3, float bias, int n) {
        for (int i = 0; i < n; i++) {
            p[i] = fma(w0, t[i], fma(w1, t[i + 16], fma(w2, t[i + 32], w3 * t[i + 48]))) + bias;
        }
    }

    /**
     * Continues the row cascade in place with four lower taps: {@code p[i] = sum_s w_s t[i + s UNIT] + p[i + 4 UNIT]}
     * for ascending {@code i < n}. In place is safe because {@code p[i]} reads only entries not yet overwritten.
     */
    static void rowNext(float[] p, float[] t, float w0, float w1, float w2, float w3, int n) {
        for (int i = 0; i < n; i++) {
            p[i] = fma(w0, t[i], fma(w1, t[i + 16], fma(w2, t[i + 32], fma(w3, t[i + 48],
                    p[i + 64]))));
        }
    }

    /**
     * Finishes the row cascade like {@link #rowNext} and adds {@code bias} to every result, which lets the rounding
     * constant of {@link BlurLayout} ride along in SIMD lanes instead of in the scalar store loop.
     */
    static void rowLast(float[] p, float[] t, float w0, float w1, float w2, float w3, float bias, int n) {
        for (int i = 0; i < n; i++) {
            p[i] = fma(w0, t[i], fma(w1, t[i + 16], fma(w2, t[i + 32], fma(w3, t[i + 48],
                    p[i + 64])))) + bias;
        }
    }

    /** Subtracts {@code v} from {@code t[i]} for {@code i < n}. */
    static void subtract(float[] t, float v, int n) {
        for (int i = 0; i < n; i++) {
            t[i] -= v;
        }
    }

    /** Returns {@code a * b + c}, fused when the CPU has FMA (one rounding), else with two roundings. */
    private static float fma(float a, float b, float c) {
        return HARDWARE_FMA ? Math.fma(a, b, c) : a * b + c;
    }

    private static boolean hardwareFma() {
        try {
            return Boolean.parseBoolean(java.lang.management.ManagementFactory
                    .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption("UseFMA")
                    .getValue());
        } catch (RuntimeException | LinkageError e) {
            return true; // not HotSpot: assume the JIT handles Math.fma itself
        }
    }
}
