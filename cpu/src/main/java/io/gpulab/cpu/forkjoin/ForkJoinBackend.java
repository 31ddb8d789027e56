package io.gpulab.cpu.forkjoin;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendException;
import io.gpulab.api.Kernel;
import io.gpulab.api.Task;
import io.gpulab.cpu.CpuInfo;
import java.util.concurrent.ForkJoinPool;

/** The {@code forkjoin} backend: owns one ForkJoinPool of {@code threads} threads, shut down on close. */
public final class ForkJoinBackend implements Backend {

    private final ForkJoinPool pool;

    /** Creates the backend with a pool of this many threads. */
    public ForkJoinBackend(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.pool = new ForkJoinPool(threads);
    }

    @Override
    public String id() {
        return "forkjoin";
    }

    @Override
    public String device() {
        return CpuInfo.modelName() + ", " + pool.getParallelism() + " threads";
    }

    @Override
    @SuppressWarnings("unchecked")
    public <I, O> Kernel<I, O> prepare(Task<I, O> task, I input) {
        Kernel<?, ?> k = switch (task.id()) {
            case "sieve" -> new SieveForkJoin(pool);
            case "sha256" -> new Sha256ForkJoin(pool);
            case "blur" -> new BlurForkJoin(pool);
            default -> throw new BackendException("backend forkjoin does not run task " + task.id());
        };
        return (Kernel<I, O>) k;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
