package io.gpulab.images;

/** Computes the one-dimensional weights of the separable Gaussian and box blurs. */
public final class BlurWeights {

    /** The largest radius any blur accepts, so that weights and halos stay small. */
    public static final int MAX_RADIUS = 1024;

    private BlurWeights() {
    }

    /** Returns the Gaussian radius for this sigma, {@code ceil(3 * sigma)}; sigma 0 gives radius 0. */
    public static int gaussianRadius(double sigma) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be a finite number >= 0: " + sigma);
        }
        double r = Math.ceil(3 * sigma);
        if (r > MAX_RADIUS) {
            throw new IllegalArgumentException("sigma " + sigma + " gives radius " + (long) r + ", above the maximum "
                    + MAX_RADIUS);
        }
        return (int) r;
    }

    /**
     * Returns the {@code 2r + 1} Gaussian weights {@code exp(-k^2 / (2 sigma^2))} for k in [-r, r], normalized to sum
     * 1, with {@code r = ceil(3 sigma)}; sigma 0 gives the identity {@code [1]}.
     */
    public static float[] gaussian(double sigma) {
        int r = gaussianRadius(sigma);
        double[] w = new double[2 * r + 1];
        double sum = 0;
        for (int k = -r; k <= r; k++) {
            double v = r == 0 ? 1.0 : Math.exp(-(double) k * k / (2 * sigma * sigma));
            w[k + r] = v;
            sum += v;
        }
        float[] out = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = (float) (w[i] / sum);
        }
        return out;
    }

    /** Returns the {@code 2r + 1} equal weights of a box blur of radius r. */
    public static float[] box(int radius) {
        if (radius < 0 || radius > MAX_RADIUS) {
            throw new IllegalArgumentException("box radius must be 0.." + MAX_RADIUS + ": " + radius);
        }
        float[] w = new float[2 * radius + 1];
        java.util.Arrays.fill(w, 1.0f / w.length);
        return w;
    }
}
