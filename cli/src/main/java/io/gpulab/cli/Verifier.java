package io.gpulab.cli;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.Backends;
import io.gpulab.api.Task;
import io.gpulab.api.Verdict;

/** Runs the {@code seq} reference on the same inputs and keeps the first disagreement, for {@code --verify}. */
final class Verifier implements AutoCloseable {

    private final boolean enabled;
    private Backend seq;
    private Verdict firstMismatch;
    private int checked;

    /** Creates a verifier that checks nothing when disabled. */
    Verifier(boolean enabled) {
        this.enabled = enabled;
    }

    /** Runs seq on {@code input} (untimed) and compares its output with {@code actual}. */
    <I, O> void check(Task<I, O> task, I input, O actual) {
        if (!enabled) {
            return;
        }
        if (seq == null) {
            seq = Backends.open("seq", BackendOptions.defaults());
        }
        O expected = Measured.run(seq, task, input, 0, 1).output();
        Verdict v = task.compare(expected, actual);
        checked++;
        if (!v.ok() && firstMismatch == null) {
            firstMismatch = v;
        }
    }

    /** Returns whether {@code --verify} asked for the checks. */
    boolean enabled() {
        return enabled;
    }

    /** Returns null without {@code --verify} or before any check, else whether every check agreed. */
    Boolean verified() {
        return enabled && checked > 0 ? firstMismatch == null : null;
    }

    /** Returns the first disagreement, or null. */
    Verdict firstMismatch() {
        return firstMismatch;
    }

    @Override
    public void close() {
        if (seq != null) {
            seq.close();
        }
    }
}
