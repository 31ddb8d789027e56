package io.gpulab.cli.auto;

import java.util.Arrays;

/**
 * What a fresh JVM pays before the JIT has compiled a task's Java code, measured in fresh JVMs: the excess over the
 * warm time of each of the first runs on the small calibration input, and of the first run on the larger one. A
 * run's excess is read off the small input's series for inputs up to its size, the larger one's first run for
 * inputs from its size on, and between the two interpolated on the logarithm of the size.
 *
 * @param task the task id
 * @param smallUnits cost units of the small input
 * @param smallExcess seconds each of the first runs on the small input took beyond a warm run, in order
 * @param largeUnits cost units of the larger input
 * @param largeExcess seconds the first run on the larger input took beyond a warm run
 */
public record Warmup(String task, double smallUnits, double[] smallExcess, double largeUnits, double largeExcess) {

    /** Checks the figures and copies the series. */
    public Warmup {
        smallExcess = smallExcess.clone();
        if (!(smallUnits > 0) || !(largeUnits > smallUnits) || !(largeExcess >= 0)
                || Arrays.stream(smallExcess).anyMatch(d -> !(d >= 0) || Double.isInfinite(d))) {
            throw new IllegalArgumentException("warm-up of " + task + " has a negative, missing or non-finite figure");
        }
    }

    @Override
    public double[] smallExcess() {
        return smallExcess.clone();
    }

    /** Returns the excess seconds of run {@code k} (1-based, counted over the whole command) of {@code units}. */
    public double excess(int k, double units) {
        double small = k <= smallExcess.length ? smallExcess[k - 1] * units / smallUnits : 0;
        double large = k == 1 ? largeExcess : 0;
        if (units <= smallUnits) {
            return small;
        }
        if (units >= largeUnits) {
            return large;
        }
        double w = Math.log(units / smallUnits) / Math.log(largeUnits / smallUnits);
        return (1 - w) * small + w * large;
    }

    /** Returns the excess seconds of the first {@code runs} runs of {@code units} each. */
    public double total(int runs, double units) {
        double sum = 0;
        for (int k = 1; k <= Math.min(runs, Math.max(1, smallExcess.length)); k++) {
            sum += excess(k, units);
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Warmup w && w.task.equals(task) && w.smallUnits == smallUnits
                && Arrays.equals(w.smallExcess, smallExcess) && w.largeUnits == largeUnits
                && w.largeExcess == largeExcess;
    }

    @Override
    public int hashCode() {
        return task.hashCode() * 31 + Arrays.hashCode(smallExcess);
    }

    @Override
    public String toString() {
        return "Warmup[" + task + ", small " + smallUnits + " units " + Arrays.toString(smallExcess) + ", large "
                + largeUnits + " units " + largeExcess + "]";
    }
}
