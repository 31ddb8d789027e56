package io.gpulab.cpu.process;

/**
 * One piece of a job, sent to a worker as the body of a TASK frame.
 *
 * @param description what the shard covers, for events and errors ({@code [from, to]}, {@code rows 0..99})
 * @param body writes the shard kind and its fields ({@link WorkerTasks})
 */
record Shard(String description, Frame.PayloadWriter body) {
}
