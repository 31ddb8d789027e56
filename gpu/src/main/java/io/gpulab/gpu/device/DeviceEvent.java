package io.gpulab.gpu.device;

/**
 * A point in one queue of a {@link Device} ({@link Device#mark}): it completes when everything enqueued on that
 * queue before it has finished. It is valid until the run ends ({@link Device#beginRun}, {@link Device#endRun}).
 */
public interface DeviceEvent {

    /** Returns the queue the event was marked on. */
    int queue();
}
