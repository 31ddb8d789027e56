package io.gpulab.cli;

import io.gpulab.api.Backend;
import io.gpulab.api.PathJob;
import io.gpulab.api.PathJobs;
import io.gpulab.api.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs each batch of one {@code gpulab run} on the backend with the command's warm-up and repeats, checks it
 * against {@code seq} through the verifier, and adds up its timings over the batches.
 */
final class Batches {

    private final Backend backend;
    private final Verifier verifier;
    private final int warmup;
    private final int repeat;
    private final Timings timings;
    private final RunProgress progress;

    /** Creates the runner of one command's batches, with no progress line. */
    Batches(Backend backend, Verifier verifier, int warmup, int repeat) {
        this(backend, verifier, warmup, repeat, new RunProgress(null, false, System::nanoTime));
    }

    /** Creates the runner of one command's batches, reporting to this progress line. */
    Batches(Backend backend, Verifier verifier, int warmup, int repeat, RunProgress progress) {
        this.backend = backend;
        this.verifier = verifier;
        this.warmup = warmup;
        this.repeat = repeat;
        this.timings = new Timings(repeat);
        this.progress = progress;
    }

    /** Measures one batch, verifies it on the same input and returns its output. */
    <I, O> O run(Task<I, O> task, I input) {
        return run(task, input, input);
    }

    /**
     * Measures one batch and verifies its output on {@code reference}, an input equal to {@code input} but without
     * its side effects (a sieve's listing sink, which seq would otherwise fill a second time).
     */
    <I, O> O run(Task<I, O> task, I input, I reference) {
        progress.expect(task.workUnits(input) * (warmup + repeat), task.unit());
        Measured<O> m = Measured.run(backend, task, input, warmup, repeat, progress);
        timings.add(m);
        if (verifier.enabled()) {
            progress.phase("checking against seq");
        }
        verifier.check(task, reference, m.output());
        return m.output();
    }

    /** Returns true when the backend's workers read the files themselves ({@link PathJobs}). */
    boolean byPath() {
        return backend instanceof PathJobs;
    }

    /**
     * Measures one path job on a {@link PathJobs} backend with the command's warm-up and repeats (a blur rewrites
     * its outputs each time), verifies its outcomes on this machine over the same paths and returns them.
     */
    List<PathJob.Outcome> runPaths(FilePathJob job) {
        PathJobs jobs = (PathJobs) backend;
        progress.clear();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < warmup; i++) {
            events.addAll(jobs.runPaths(job).events());
        }
        double[] seconds = new double[repeat];
        PathJobs.Run run = null;
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            run = jobs.runPaths(job);
            seconds[i] = (System.nanoTime() - t0) / 1e9;
            events.addAll(run.events());
        }
        timings.add(new Measured<>(run, seconds, run.phases(), List.copyOf(events)));
        if (verifier.enabled()) {
            progress.phase("checking against seq");
            job.verify(verifier, run.outcomes());
        }
        return run.outcomes();
    }

    /** Returns the backend the batches run on. */
    Backend backend() {
        return backend;
    }

    /** Returns the verifier of the batches. */
    Verifier verifier() {
        return verifier;
    }

    /** Returns the progress line of the batches. */
    RunProgress progress() {
        return progress;
    }

    /** Returns the timings of the batches run so far. */
    Timings timings() {
        return timings;
    }
}
