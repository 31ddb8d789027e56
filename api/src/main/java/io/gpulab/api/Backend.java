package io.gpulab.api;

import java.util.Map;

/** An opened backend on one device; prepares kernels outside any timing and releases its resources on close. */
public interface Backend extends AutoCloseable {

    /** Returns the backend id: {@code seq}, {@code forkjoin}, {@code process}, {@code opencl} or {@code cuda}. */
    String id();

    /** Returns a one-line description of the device that runs the kernels, as recorded with every result. */
    String device();

    /**
     * Compiles and allocates what running {@code task} on inputs like {@code input} needs, outside any timing.
     *
     * @throws BackendException when the task is not supported or preparation fails
     */
    <I, O> Kernel<I, O> prepare(Task<I, O> task, I input);

    /**
     * Returns the seconds of the one-off {@link Phase#setup() setup phases} paid when opening the backend or
     * preparing kernels ({@link Phase#COMPILE}, {@link Phase#POOL_START}, {@link Phase#MODULE_LOAD} ...); empty by
     * default.
     */
    default Map<Phase, Double> setupPhases() {
        return Map.of();
    }

    /** Releases the backend's threads, processes or device context. */
    @Override
    void close();
}
