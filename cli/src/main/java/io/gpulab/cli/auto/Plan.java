package io.gpulab.cli.auto;

/**
 * The runs a command will make of its input, and which time {@code auto} minimizes: the whole command's (setup,
 * warm-up and every run, as {@code run} and {@code backends --explain} are timed by the person waiting), or the
 * median timed run (what a {@code compare} row shows: setup and warm-up runs left out).
 *
 * @param warmup untimed runs of every batch, first
 * @param repeat timed runs of every batch, at least 1
 * @param medianRun true to minimize the median timed run, false for the whole command
 */
public record Plan(int warmup, int repeat, boolean medianRun) {

    /** Checks the counts. */
    public Plan {
        if (warmup < 0 || repeat < 1) {
            throw new IllegalArgumentException("a plan needs warmup >= 0 and repeat >= 1");
        }
    }

    /** Returns the plan of a command timed as a whole. */
    public static Plan command(int warmup, int repeat) {
        return new Plan(warmup, repeat, false);
    }

    /** Returns the plan of a {@code compare} row. */
    public static Plan compareRow(int warmup, int repeat) {
        return new Plan(warmup, repeat, true);
    }

    /** Returns the runs every batch gets. */
    public int runsPerBatch() {
        return warmup + repeat;
    }

    /** Returns the 1-based index of the median timed run (the upper one of an even count). */
    int medianIndex() {
        return warmup + repeat / 2 + 1;
    }
}
