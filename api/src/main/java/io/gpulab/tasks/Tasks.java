package io.gpulab.tasks;

import io.gpulab.api.Task;
import java.util.List;
import java.util.Optional;

/** Lists the tasks of gpulab and finds one by id. */
public final class Tasks {

    /** The Gaussian and box blur of images. */
    public static final BlurTask BLUR = new BlurTask();
    /** SHA-256 of a batch of messages. */
    public static final Sha256Task SHA256 = new Sha256Task();
    /** The segmented prime sieve. */
    public static final SieveTask SIEVE = new SieveTask();

    private Tasks() {
    }

    /** Returns every task in display order: blur, sha256, sieve. */
    public static List<Task<?, ?>> all() {
        return List.of(BLUR, SHA256, SIEVE);
    }

    /** Returns the task with this id, if any. */
    public static Optional<Task<?, ?>> find(String id) {
        return all().stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
