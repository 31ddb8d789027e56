package io.gpulab.tasks;

import io.gpulab.images.BlurWeights;

/**
 * Names the blur to apply: a Gaussian of a given sigma or a box of a given radius.
 *
 * @param kind Gaussian or box
 * @param sigma the Gaussian's standard deviation in pixels (0 for box)
 * @param boxRadius the box radius R of the (2R+1) x (2R+1) window (0 for Gaussian)
 */
public record BlurSpec(Kind kind, double sigma, int boxRadius) {

    /** The two blur kinds. */
    public enum Kind {
        /** Separable Gaussian, radius ceil(3 sigma). */
        GAUSSIAN,
        /** Mean over a square window. */
        BOX
    }

    /** Creates a spec after checking that its radius is supported. */
    public BlurSpec {
        if (kind == Kind.GAUSSIAN) {
            BlurWeights.gaussianRadius(sigma);
        } else {
            BlurWeights.box(boxRadius);
        }
    }

    /** Returns the Gaussian blur of this sigma. */
    public static BlurSpec gaussian(double sigma) {
        return new BlurSpec(Kind.GAUSSIAN, sigma, 0);
    }

    /** Returns the box blur of this radius. */
    public static BlurSpec box(int radius) {
        return new BlurSpec(Kind.BOX, 0, radius);
    }

    /** Returns the radius r of the one-dimensional kernel: weights cover [-r, r]. */
    public int radius() {
        return kind == Kind.GAUSSIAN ? BlurWeights.gaussianRadius(sigma) : boxRadius;
    }

    /** Returns the {@code 2r + 1} normalized one-dimensional weights, applied to rows and then to columns. */
    public float[] weights() {
        return kind == Kind.GAUSSIAN ? BlurWeights.gaussian(sigma) : BlurWeights.box(boxRadius);
    }

    @Override
    public String toString() {
        return kind == Kind.GAUSSIAN ? "gaussian(sigma=" + sigma + ")" : "box(r=" + boxRadius + ")";
    }
}
