/**
 * The {@code process} backend: a warm pool of worker JVMs, bulk data through memory-mapped files in shared
 * memory, small checked frames on each worker's stdin and stdout, and shards re-run when a worker dies or hangs.
 * {@link io.gpulab.cpu.process.ProcessBackend} explains the decomposition and what processes cost in Java.
 */
package io.gpulab.cpu.process;
