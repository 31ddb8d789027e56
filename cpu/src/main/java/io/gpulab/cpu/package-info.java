/**
 * The CPU backends: {@code seq} (the reference), {@code forkjoin} (threads) and {@code process} (worker JVMs). The
 * parallel two split and merge with the task layer's decomposition ({@code io.gpulab.tasks}) and say only how a shard
 * runs here: a pool task, or a worker JVM's shard kind.
 */
package io.gpulab.cpu;
