/**
 * The three workloads of gpulab, {@code blur}, {@code sha256} and {@code sieve}: their input and output records,
 * their deterministic synthetic inputs and their comparison rules. Nothing here knows a backend.
 */
package io.gpulab.tasks;
