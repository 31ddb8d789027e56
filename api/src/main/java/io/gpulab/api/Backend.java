package io.gpulab.api;

import io.gpulab.images.Image;
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
     * Returns the image in the host memory this backend's runs read without a copy, copying it there when it is
     * elsewhere; call it where an input is made, outside any timing. By default the image itself (the CPU backends
     * read a heap image's array; a direct image's {@link Image#pixels()} is copied once). The GPU backends give a
     * direct image in memory the device copies by DMA (page-locked on CUDA), which stays valid after the backend
     * closes.
     */
    default Image hostImage(Image image) {
        return image;
    }

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
