package io.gpulab.cli;

import io.gpulab.api.Backend;
import io.gpulab.api.Kernel;
import io.gpulab.api.Phase;
import io.gpulab.api.Task;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Holds the output and timings of one input run on one backend: warm-up runs, then timed runs of {@link Kernel#run}
 * only.
 *
 * @param output the output of the last timed run
 * @param seconds the seconds of each timed run, in order
 * @param phases the kernel's phases of the last run
 * @param events the kernel's events of all runs, in order
 * @param <O> the task's output record
 */
public record Measured<O>(O output, double[] seconds, Map<Phase, Double> phases, List<String> events) {

    /**
     * Prepares a kernel (untimed), runs it {@code warmup} times untimed and {@code repeat} times timed, and closes it;
     * every output but the last run's is handed back to the kernel ({@link Kernel#recycle}) before the next run.
     *
     * @throws io.gpulab.api.BackendException when preparing or running fails
     */
    public static <I, O> Measured<O> run(Backend backend, Task<I, O> task, I input, int warmup, int repeat) {
        return run(backend, task, input, warmup, repeat, null);
    }

    /**
     * Runs as {@link #run(Backend, Task, Object, int, int)} does, telling {@code progress} (when not null) of each
     * run's start, its kernel's units done as it goes, and its end; nothing is printed from the timed runs' thread.
     */
    static <I, O> Measured<O> run(Backend backend, Task<I, O> task, I input, int warmup, int repeat,
            RunProgress progress) {
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be at least 1: " + repeat);
        }
        java.util.ArrayList<String> events = new java.util.ArrayList<>();
        try (Kernel<I, O> kernel = backend.prepare(task, input)) {
            long units = progress == null ? 0 : task.workUnits(input);
            for (int i = 0; i < warmup; i++) {
                started(progress, kernel);
                // nobody reads a warm-up's output: its memory may serve the next run's (Kernel.recycle)
                kernel.recycle(kernel.run(input));
                finished(progress, units);
                events.addAll(kernel.events());
            }
            double[] seconds = new double[repeat];
            O out = null;
            for (int i = 0; i < repeat; i++) {
                started(progress, kernel);
                if (out != null) {
                    kernel.recycle(out); // only the last repeat's output is returned
                }
                long t0 = System.nanoTime();
                out = kernel.run(input);
                seconds[i] = (System.nanoTime() - t0) / 1e9;
                finished(progress, units);
                events.addAll(kernel.events());
            }
            return new Measured<>(out, seconds, phasesOf(kernel), List.copyOf(events));
        }
    }

    /** Returns a copy of the kernel's phases of its last run, in the order of {@link Phase}. */
    private static Map<Phase, Double> phasesOf(Kernel<?, ?> kernel) {
        Map<Phase, Double> phases = new EnumMap<>(Phase.class);
        phases.putAll(kernel.phases());
        return phases;
    }

    private static void started(RunProgress progress, Kernel<?, ?> kernel) {
        if (progress != null) {
            progress.running(kernel::workDone);
        }
    }

    private static void finished(RunProgress progress, long units) {
        if (progress != null) {
            progress.finished(units);
        }
    }
}
