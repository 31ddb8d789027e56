package io.gpulab.api.spi;

import io.gpulab.api.BackendException;
import io.gpulab.api.Kernel;
import io.gpulab.api.Task;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Declares which tasks a backend runs and how it builds each one's kernel: one entry per task, task to kernel
 * factory. A backend keeps one registry (a constant), its {@code prepare} goes through {@link #prepare} and its
 * provider's {@code tasks()} derives from {@link #tasks}, so the two can never disagree; the conformance harness
 * then runs every task a backend declares and skips, with the reason, those it does not.
 *
 * @param <B> the backend class whose state (a pool, a device context) the factories use
 */
public final class KernelRegistry<B> {

    /**
     * Builds the kernel of one task on an opened backend, compiling and allocating outside any timing.
     *
     * @param <B> the backend class
     * @param <I> the task's input record
     * @param <O> the task's output record
     */
    @FunctionalInterface
    public interface Factory<B, I, O> {

        /** Builds the kernel of the task on this backend for inputs like {@code input}. */
        Kernel<I, O> create(B backend, I input);
    }

    private final String backendId;
    private final Map<String, Entry<B, ?, ?>> entries = new LinkedHashMap<>();

    private record Entry<B, I, O>(Task<I, O> task, Factory<B, I, O> factory) {
    }

    /** Starts the empty registry of the backend with this id. */
    public KernelRegistry(String backendId) {
        this.backendId = backendId;
    }

    /**
     * Declares that the backend runs {@code task} with kernels built by {@code factory}; returns this registry.
     *
     * @throws IllegalArgumentException when the task is declared twice
     */
    public <I, O> KernelRegistry<B> add(Task<I, O> task, Factory<B, I, O> factory) {
        if (entries.putIfAbsent(task.id(), new Entry<>(task, factory)) != null) {
            throw new IllegalArgumentException("backend " + backendId + " declares task " + task.id() + " twice");
        }
        return this;
    }

    /** Returns the ids of the declared tasks, in declaration order. */
    public Set<String> tasks() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    /**
     * Builds the kernel of {@code task} on {@code backend}.
     *
     * @throws BackendException when the backend does not declare the task
     */
    public <I, O> Kernel<I, O> prepare(B backend, Task<I, O> task, I input) {
        Entry<B, ?, ?> e = entries.get(task.id());
        if (e == null || e.task() != task) {
            throw new BackendException("backend " + backendId + " does not run task " + task.id() + "; it runs "
                    + String.join(", ", entries.keySet()));
        }
        @SuppressWarnings("unchecked") // the entry was added under this very task object, so its types are <I, O>
        Factory<B, I, O> f = (Factory<B, I, O>) e.factory();
        return f.create(backend, input);
    }
}
