package io.gpulab.conformance;

import io.gpulab.api.Task;

/**
 * One named input of one task, checked on a backend against {@code seq}.
 *
 * @param task the task
 * @param name a short description that names the edge it covers
 * @param seed the seed that generated the input (printed on failure), or -1 for a fixed input
 * @param input the input
 * @param <I> the input type
 * @param <O> the output type
 */
public record ConformanceCase<I, O>(Task<I, O> task, String name, long seed, I input) {

    @Override
    public String toString() {
        return task.id() + " " + name + (seed >= 0 ? " (seed " + seed + ")" : "");
    }
}
