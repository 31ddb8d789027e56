package io.gpulab.cpu.seq;

import java.util.Arrays;

/**
 * The one-dimensional filter loops of {@link BlurSeq}: {@code out[i] = sum_k w[k] * a[k][i]} over {@code n} samples.
 * The row pass passes shifted copies of one padded row, the column pass the ring rows of the window.
 *
 * <p>Why every array is read at index {@code i} exactly, with no offset: JDK 17's C2 does not vectorize a loop that
 * stores to one {@code float[]} and loads another {@code float[]} at {@code i + offset}, because it cannot rule out
 * that both are the same array (then the loop would carry a dependence); such a loop measured about 5x slower than
 * the same loop without offsets. Each loop also lives in a small method of its own, so that it is compiled as a plain
 * counted loop.
 */
final class BlurTaps {

    private BlurTaps() {
    }

    /** Applies symmetric weights ({@code w[r - j] == w[r + j]}), one multiply per pair of taps. */
    static void symmetric(float[][] a, float[] w, int n, float[] out) {
        int r = w.length / 2;
        centre(out, a[r], w[r], n);
        for (int j = 1; j <= r; j++) {
            pair(out, a[r - j], a[r + j], w[r + j], n);
        }
    }

    /** Applies any weights, one tap per pass; used only for asymmetric weights. */
    static void general(float[][] a, float[] w, int n, float[] out) {
        Arrays.fill(out, 0, n, 0f);
        for (int k = 0; k < w.length; k++) {
            tap(out, a[k], w[k], n);
        }
    }

    private static void centre(float[] out, float[] c, float wc, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = wc * c[i];
        }
    }

    private static void pair(float[] out, float[] l, float[] u, float wj, int n) {
        for (int i = 0; i < n; i++) {
            out[i] += wj * (l[i] + u[i]);
        }
    }

    private static void tap(float[] out, float[] s, float wk, int n) {
        for (int i = 0; i < n; i++) {
            out[i] += wk * s[i];
        }
    }
}
