package io.gpulab.bench.run;

import io.gpulab.bench.BenchTask;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Says what {@code gpulab bench} should measure and how long.
 *
 * @param tasks the tasks to run
 * @param backends backend ids or device ids ({@code opencl:0:1}) to run each task on
 * @param sizes size names to run (each applies to the tasks that have it); empty for the defaults: the quick size
 *     with {@code quick}, else every peer size
 * @param quick true for a run of a few minutes: the quick sizes, one fork, short iterations
 * @param output the directory that receives the results
 * @param forks JMH forks, or 0 for the default (1 quick, 2 otherwise)
 * @param iterations measurement iterations, or 0 for the default (3 quick, 5 otherwise)
 * @param iterationTime the length of each warm-up and measurement iteration, or null for the default
 *     (1 s quick, 3 s otherwise)
 */
public record BenchPlan(List<BenchTask> tasks, List<String> backends, List<String> sizes, boolean quick,
        Path output, int forks, int iterations, Duration iterationTime) {

    /** Creates a plan with immutable lists. */
    public BenchPlan {
        tasks = List.copyOf(tasks);
        backends = List.copyOf(backends);
        sizes = List.copyOf(sizes);
    }

    /** Returns the number of forks to use. */
    public int effectiveForks() {
        return forks > 0 ? forks : quick ? 1 : 2;
    }

    /** Returns the number of measurement iterations to use. */
    public int effectiveIterations() {
        return iterations > 0 ? iterations : quick ? 3 : 5;
    }

    /** Returns the number of warm-up iterations: one quick, two otherwise. */
    public int warmupIterations() {
        return quick ? 1 : 2;
    }

    /** Returns the length of each iteration; an operation longer than this still completes at least once. */
    public Duration effectiveIterationTime() {
        return iterationTime != null ? iterationTime : Duration.ofSeconds(quick ? 1 : 3);
    }

    /** Returns the sizes to run for this task: the requested ones it has, or its defaults. */
    public List<String> sizesFor(BenchTask task) {
        if (sizes.isEmpty()) {
            return quick ? List.of(BenchTask.QUICK) : task.fullSizes();
        }
        return sizes.stream().filter(s -> task.size(s).isPresent()).toList();
    }
}
