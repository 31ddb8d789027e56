package io.gpulab.cli;

import io.gpulab.api.Phase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up the timed runs of one command over its batches: repeat i of the whole input is the sum of repeat i of each
 * batch, so the median and minimum describe the whole input, not one batch.
 */
public final class Timings {

    private final double[] totals;
    private final Map<Phase, Double> phases = new EnumMap<>(Phase.class);
    private final List<String> events = new ArrayList<>();
    private int batches;

    /** Creates an empty accumulator for this many timed repeats. */
    public Timings(int repeat) {
        this.totals = new double[repeat];
    }

    /** Adds one batch's timings; its phases replace the previous batch's, its events are appended. */
    public void add(Measured<?> m) {
        for (int i = 0; i < totals.length; i++) {
            totals[i] += m.seconds()[i];
        }
        phases.clear();
        phases.putAll(m.phases());
        events.addAll(m.events());
        batches++;
    }

    /** Returns true when at least one batch ran on the backend. */
    public boolean any() {
        return batches > 0;
    }

    /** Returns how many batches ran. */
    public int batches() {
        return batches;
    }

    /** Returns the seconds of each timed repeat, summed over the batches. */
    public double[] totals() {
        return totals.clone();
    }

    /** Returns the kernel phases of the last run of the last batch. */
    public Map<Phase, Double> phases() {
        return phases;
    }

    /** Returns every kernel event, in order. */
    public List<String> events() {
        return events;
    }

    /** Returns the median of the values (the mean of the middle two for an even count). */
    public static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** Returns the smallest of the values. */
    public static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }
}
