package io.gpulab.api;

import java.util.Map;
import java.util.Optional;

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

    /**
     * Returns how this backend runs one item of a batch of {@code task} when it gives each item one serial thread (a
     * GPU hashing a file per thread), so that callers can take the items that would hold up a batch to the host;
     * empty, the default, when the backend spreads each item's work or has no faster host path to give way to.
     */
    default Optional<SerialItems> serialItems(Task<?, ?> task) {
        return Optional.empty();
    }

    /** Releases the backend's threads, processes or device context. */
    @Override
    void close();
}
