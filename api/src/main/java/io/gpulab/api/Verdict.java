package io.gpulab.api;

/**
 * Records the outcome of comparing an output with the reference output.
 *
 * @param ok true when the outputs agree (within the task's tolerance)
 * @param mismatches how many elements disagree (pixels, digests or counts)
 * @param firstMismatch a description of the first disagreement, or null when {@code ok}
 */
public record Verdict(boolean ok, long mismatches, String firstMismatch) {

    /** Returns the verdict of two outputs that agree. */
    public static Verdict match() {
        return new Verdict(true, 0, null);
    }

    /** Returns the verdict of outputs that disagree in {@code count} elements, the first described. */
    public static Verdict mismatch(long count, String first) {
        return new Verdict(false, count, first);
    }

    @Override
    public String toString() {
        return ok ? "match" : mismatches + " mismatch(es), first: " + firstMismatch;
    }
}
