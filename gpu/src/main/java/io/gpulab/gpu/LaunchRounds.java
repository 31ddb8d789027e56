package io.gpulab.gpu;

/**
 * Groups launches into rounds whose small per-launch outputs (counts, partial folds) go into one buffer at
 * consecutive offsets, so that the host waits and downloads once per round instead of after every launch, and
 * the device runs the round's launches back to back.
 */
public final class LaunchRounds {

    private LaunchRounds() {
    }

    /**
     * Returns how many launches of {@code bytesPerLaunch} output bytes one round holds: as many as the budget
     * allows and the job has, at least one; just one when the per-launch offsets would break the device's
     * {@code alignment} for buffer offsets.
     */
    public static int perRound(long bytesPerLaunch, long budget, long alignment, long launches) {
        if (bytesPerLaunch <= 0 || bytesPerLaunch % Math.max(1, alignment) != 0) {
            return 1;
        }
        return (int) Math.max(1, Math.min(Math.min(launches, budget / bytesPerLaunch), Integer.MAX_VALUE));
    }
}
