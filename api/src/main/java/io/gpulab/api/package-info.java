/**
 * The task API: tasks say what is computed, backends say where; nothing here imports a backend.
 *
 * <p>A {@link io.gpulab.api.Task} is stateless and deterministic. A {@link io.gpulab.api.BackendProvider}
 * is found through {@link java.util.ServiceLoader} (once per JVM, by {@link io.gpulab.api.Backends}), probes its
 * availability without ever falling back to another backend, and opens a {@link io.gpulab.api.Backend}, which
 * prepares a {@link io.gpulab.api.Kernel} for one task and input outside any timing. Both report their times in one
 * vocabulary of {@link io.gpulab.api.Phase}s. Backend implementations build on {@code io.gpulab.api.spi}.
 */
package io.gpulab.api;
