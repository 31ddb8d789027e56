package io.gpulab.spark;

import io.gpulab.api.Kernel;
import io.gpulab.api.Phase;
import io.gpulab.api.spi.KernelRegistry;
import io.gpulab.tasks.Tasks;
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

    /**
     * Where kernels run their shards.
     *
     * @param executor runs the shards of a job
     * @param jobs the Spark jobs' phases and events; null when the shards run in this JVM
     * @param shards the shard count of a job; 0 for the executor's default
     */
    record Host(ShardExecutor executor, SparkJobs jobs, int shards) {
    }

    /** Splits, runs and merges one input of a task. */
    @FunctionalInterface
    interface Body<I, O> {

        /** Runs the input in about {@code shards} shards on the executor and returns the merged output. */
        O run(I input, ShardExecutor executor, int shards);
    }

    /** The tasks of the spark backend, each driven through its {@link ShardPlan} method. */
    static final KernelRegistry<Host> KERNELS = new KernelRegistry<Host>("spark")
            .add(Tasks.BLUR, (h, in) -> new SparkKernel<>(h, ShardPlan::blur))
            .add(Tasks.SHA256, (h, in) -> new SparkKernel<>(h, ShardPlan::sha256))
            .add(Tasks.SIEVE, (h, in) -> new SparkKernel<>(h, ShardPlan::sieve));

    private final Host host;
    private final Body<I, O> body;

    private SparkKernel(Host host, Body<I, O> body) {
        this.host = host;
        this.body = body;
    }

    @Override
    public O run(I input) {
        if (host.jobs() != null) {
            host.jobs().beginRun();
        }
        int shards = host.shards() > 0 ? host.shards() : host.executor().defaultShards();
        return body.run(input, host.executor(), shards);
    }

    @Override
    public Map<Phase, Double> phases() {
        return host.jobs() == null ? Map.of() : host.jobs().phases();
    }

    @Override
    public List<String> events() {
        return host.jobs() == null ? List.of() : host.jobs().events();
    }
}
