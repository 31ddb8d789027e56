package io.gpulab.spark;

import io.gpulab.api.BackendException;
import io.gpulab.api.Kernel;
import io.gpulab.api.Task;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.SieveInput;
import java.util.List;
import java.util.Map;

/**
 * Runs one task through {@link ShardPlan} on a {@link ShardExecutor}: Spark jobs for the backend, shards in this JVM
 * for the provider's self-test.
 *
 * @param <I> the task's input record
 * @param <O> the task's output record
 */
final class SparkKernel<I, O> implements Kernel<I, O> {

    private final Task<I, O> task;
    private final ShardExecutor executor;
    private final SparkJobs jobs;
    private final int shards;

    /** Creates the kernel; {@code jobs} is null when the executor is not Spark, {@code shards} 0 for the default. */
    SparkKernel(Task<I, O> task, ShardExecutor executor, SparkJobs jobs, int shards) {
        if (!List.of("sieve", "sha256", "blur").contains(task.id())) {
            throw new BackendException("backend spark does not run task " + task.id());
        }
        this.task = task;
        this.executor = executor;
        this.jobs = jobs;
        this.shards = shards > 0 ? shards : executor.defaultShards();
    }

    @Override
    @SuppressWarnings("unchecked")
    public O run(I input) {
        if (jobs != null) {
            jobs.beginRun();
        }
        Object out = switch (task.id()) {
            case "sieve" -> ShardPlan.sieve((SieveInput) input, executor, shards);
            case "sha256" -> ShardPlan.sha256((Sha256Input) input, executor, shards);
            default -> ShardPlan.blur((BlurInput) input, executor, shards);
        };
        return (O) out;
    }

    @Override
    public Map<String, Double> phases() {
        return jobs == null ? Map.of() : jobs.phases();
    }

    @Override
    public List<String> events() {
        return jobs == null ? List.of() : jobs.events();
    }
}
