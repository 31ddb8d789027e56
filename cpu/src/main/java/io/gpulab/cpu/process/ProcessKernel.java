package io.gpulab.cpu.process;

import io.gpulab.api.Kernel;
import io.gpulab.api.Phase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the three process kernels share: the pool, the shard count rule, and the phases and events of the last run.
 *
 * @param <I> the task's input record
 * @param <O> the task's output record
 */
abstract class ProcessKernel<I, O> implements Kernel<I, O> {

    /** The pool of the backend, shared by every kernel it prepares. */
    protected final WorkerPool pool;
    private final int fixedShards;
    private final Map<Phase, Double> phases = new EnumMap<>(Phase.class);
    private List<String> events = new ArrayList<>();
    private long phaseStart;

    /** Creates a kernel on this pool; {@code fixedShards > 0} overrides the shard count rule. */
    ProcessKernel(WorkerPool pool, int fixedShards) {
        this.pool = pool;
        this.fixedShards = fixedShards;
    }

    /** Clears the phases and events of the previous run and starts timing the first phase. */
    protected final List<String> beginRun() {
        phases.clear();
        events = new ArrayList<>();
        phaseStart = System.nanoTime();
        return events;
    }

    /** Adds the seconds since the previous phase ended to this name's total (a phase may recur in one run). */
    protected final void endPhase(Phase name) {
        long now = System.nanoTime();
        phases.merge(name, (now - phaseStart) / 1e9, Double::sum);
        phaseStart = now;
    }

    /**
     * Returns how many shards a job of {@code work} units gets: enough to balance the workers (four per worker)
     * but none smaller than {@code minWork}, never more than {@code maxShards}, at least one.
     */
    protected final int shardCount(double work, double minWork, long maxShards) {
        long n = fixedShards > 0 ? fixedShards : Math.min(4L * pool.size(), (long) Math.ceil(work / minWork));
        return (int) Math.max(1, Math.min(n, maxShards));
    }

    /** Returns the fixed shard count of the {@code process.shards} option, or 0 for the shard count rule. */
    protected final int fixedShards() {
        return fixedShards;
    }

    /** Returns the most shards a job gets by the shard count rule: four per worker. */
    protected final int maxShards() {
        return 4 * pool.size();
    }

    @Override
    public Map<Phase, Double> phases() {
        return Collections.unmodifiableMap(new EnumMap<>(phases));
    }

    @Override
    public List<String> events() {
        return List.copyOf(events);
    }
}
