package io.gpulab.gpu.device;

/**
 * A point in a device's queue ({@link Device#fence}): waiting for it waits for the work enqueued before it only, while
 * the work enqueued after it may still run, so that the host can refill the staging areas of one launch while the
 * device works on the next. Valid until the run ends ({@link Device#endRun}).
 */
@FunctionalInterface
public interface Fence {

    /**
     * Waits until everything enqueued before the fence has finished: its uploads have read their staging areas and
     * its downloads have written theirs.
     */
    void await();
}
