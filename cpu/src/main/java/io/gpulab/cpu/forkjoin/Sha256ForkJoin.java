package io.gpulab.cpu.forkjoin;

import io.gpulab.api.BackendException;
import io.gpulab.api.Kernel;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import java.util.concurrent.ForkJoinPool;

/** PLACEHOLDER, replaced by the real parallel kernel before anything lands. */
public final class Sha256ForkJoin implements Kernel<Sha256Input, Sha256Output> {

    private final ForkJoinPool pool;

    Sha256ForkJoin(ForkJoinPool pool) {
        this.pool = pool;
    }

    @Override
    public Sha256Output run(Sha256Input input) {
        throw new BackendException("forkjoin Sha256 is not written yet (pool " + pool.getParallelism() + ")");
    }
}
