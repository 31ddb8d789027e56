/**
 * The three workloads of gpulab, {@code blur}, {@code sha256} and {@code sieve}: their input and output records,
 * their deterministic synthetic inputs, their comparison rules, and each task's one decomposition, which every
 * parallel backend drives: how an input splits into independent shards ({@link io.gpulab.tasks.SieveShards},
 * {@link io.gpulab.tasks.Sha256Shards}, {@link io.gpulab.tasks.BlurShards}) and how the shards' partial outputs merge
 * ({@link io.gpulab.tasks.SieveMerge}, {@link io.gpulab.tasks.Sha256Merge}, {@link io.gpulab.tasks.BlurMerge}). A
 * backend supplies only how to run one shard. Nothing here knows a backend.
 */
package io.gpulab.tasks;
