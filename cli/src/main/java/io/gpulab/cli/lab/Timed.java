package io.gpulab.cli.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Holds the timed repeats of one step and the result of each repeat, so that every repeat can be verified.
 *
 * @param samples the seconds of each repeat
 * @param results the result of each repeat, in order
 * @param <T> the result type
 */
public record Timed<T>(Samples samples, List<T> results) {

    /** Runs the body {@code repeat} times, timing each run with the monotonic clock. */
    public static <T> Timed<T> repeat(int repeat, Callable<T> body) throws Exception {
        List<Double> seconds = new ArrayList<>();
        List<T> results = new ArrayList<>();
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            T r = body.call();
            seconds.add(Math.max(1e-9, (System.nanoTime() - t0) / 1e9));
            results.add(r);
        }
        return new Timed<>(new Samples(seconds), results);
    }

    /** Returns the result of the last repeat. */
    public T last() {
        return results.get(results.size() - 1);
    }
}
