package io.gpulab.cpu.forkjoin;

import io.gpulab.api.BackendException;
import io.gpulab.api.Kernel;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurOutput;
import java.util.concurrent.ForkJoinPool;

/** PLACEHOLDER, replaced by the real parallel kernel before anything lands. */
public final class BlurForkJoin implements Kernel<BlurInput, BlurOutput> {

    private final ForkJoinPool pool;

    BlurForkJoin(ForkJoinPool pool) {
        this.pool = pool;
    }

    @Override
    public BlurOutput run(BlurInput input) {
        throw new BackendException("forkjoin Blur is not written yet (pool " + pool.getParallelism() + ")");
    }
}
