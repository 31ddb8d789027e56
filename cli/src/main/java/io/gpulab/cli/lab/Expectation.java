package io.gpulab.cli.lab;

/**
 * States what a source (the course, or a model of this machine) expects of a speedup: a band {@code [low, high]},
 * open above when {@code high} is infinite.
 *
 * @param source who expects it: {@code course} or {@code this machine}
 * @param low the lowest speedup that still agrees
 * @param high the highest speedup that still agrees, possibly infinite
 * @param text the expectation in words, tolerance included
 */
public record Expectation(String source, double low, double high, String text) {

    /** Creates an expectation after checking its band. */
    public Expectation {
        if (!(low >= 0) || !(high >= low)) {
            throw new IllegalArgumentException("bad expectation band [" + low + ", " + high + "]");
        }
    }

    /** Returns the expectation "about {@code value}x, within {@code tolerance} (a fraction) either way". */
    public static Expectation around(String source, double value, double tolerance, String words) {
        return new Expectation(source, value * (1 - tolerance), value * (1 + tolerance),
                words + ": " + Format.speedup(value) + " +-" + Format.percent(tolerance));
    }

    /** Returns the expectation "at least {@code value}x". */
    public static Expectation atLeast(String source, double value, String words) {
        return new Expectation(source, value, Double.POSITIVE_INFINITY, words + ": at least " + Format.speedup(value));
    }

    /** Returns the expectation "at most {@code value}x". */
    public static Expectation atMost(String source, double value, String words) {
        return new Expectation(source, 0, value, words + ": at most " + Format.speedup(value));
    }

    /** Returns the band as text: {@code 6.00x..10.0x} or {@code >= 1.00x}. */
    public String band() {
        if (Double.isInfinite(high)) {
            return ">= " + Format.speedup(low);
        }
        return low == 0 ? "<= " + Format.speedup(high) : Format.speedup(low) + ".." + Format.speedup(high);
    }
}
