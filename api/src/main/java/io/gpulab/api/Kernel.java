package io.gpulab.api;

import java.util.Map;

/**
 * Runs one task on one backend as prepared by {@link Backend#prepare}; its only job is {@link #run}.
 *
 * @param <I> the task's input record
 * @param <O> the task's output record
 */
public interface Kernel<I, O> extends AutoCloseable {

    /** Runs the task on this input, end to end (transfers included for devices), and returns its output. */
    O run(I input);

    /**
     * Returns the seconds each run phase of the last {@link #run} took ({@link Phase#UPLOAD}, {@link Phase#KERNEL},
     * {@link Phase#DOWNLOAD} for devices); empty where a backend has no phases.
     */
    default Map<Phase, Double> phases() {
        return Map.of();
    }

    /**
     * Returns the notable events of the last {@link #run}, one line each, such as a worker that died and whose shard
     * was re-run; empty when nothing happened. The CLI prints them on stderr and in its JSON.
     */
    default java.util.List<String> events() {
        return java.util.List.of();
    }

    /**
     * Returns the work units ({@link Task#workUnits}) of the current {@link #run} done so far, for a progress line;
     * safe to call from another thread while {@code run} runs, and cheap (a counter). The default, -1, means the
     * kernel cannot tell; a kernel that counts must add to it without slowing the run measurably.
     */
    default long workDone() {
        return -1;
    }

    /**
     * Hands back an output of an earlier {@link #run} that the caller will never read again, so that a later run may
     * write its output into the same memory (a GPU backend's page-locked output images, whose allocation costs more
     * than the transfer); the default keeps nothing. An output handed back may change under anyone who still holds
     * it; one never handed back stays the caller's, valid after this kernel closes.
     */
    default void recycle(O output) {
    }

    /** Releases what {@code prepare} allocated; the default has nothing to release. */
    @Override
    default void close() {
    }
}
