package io.gpulab.cli.lab;

import java.util.Arrays;
import java.util.List;

/**
 * Holds the seconds of the timed repeats of one step, in order, with their minimum, median, maximum and spread.
 *
 * @param seconds the seconds of each repeat, at least one
 */
public record Samples(List<Double> seconds) {

    /** Creates the record after checking there is at least one finite, positive time. */
    public Samples {
        seconds = List.copyOf(seconds);
        if (seconds.isEmpty() || seconds.stream().anyMatch(s -> !(s > 0) || s.isInfinite())) {
            throw new IllegalArgumentException("samples need at least one positive finite time: " + seconds);
        }
    }

    /** Returns samples of these seconds. */
    public static Samples of(double... seconds) {
        return new Samples(Arrays.stream(seconds).boxed().toList());
    }

    /** Returns the fastest repeat. */
    public double min() {
        return seconds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    /** Returns the slowest repeat. */
    public double max() {
        return seconds.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /** Returns the median repeat (the mean of the two middle ones for an even count). */
    public double median() {
        double[] s = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** Returns how far the repeats disagree: {@code (max - min) / min}, 0 for a single repeat. */
    public double spread() {
        return (max() - min()) / min();
    }

    /** Returns the number of repeats. */
    public int count() {
        return seconds.size();
    }

    /** Returns "median 1.23 s (min 1.20 s, n 3)", the way every sheet shows a time. */
    public String describe() {
        return Format.seconds(median()) + " median (min " + Format.seconds(min()) + ", max "
                + Format.seconds(max()) + ", n " + count() + ")";
    }
}
