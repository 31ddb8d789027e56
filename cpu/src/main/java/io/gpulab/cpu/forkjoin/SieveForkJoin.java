package io.gpulab.cpu.forkjoin;

import io.gpulab.api.BackendException;
import io.gpulab.api.Kernel;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveOutput;
import java.util.concurrent.ForkJoinPool;

/** PLACEHOLDER, replaced by the real parallel kernel before anything lands. */
public final class SieveForkJoin implements Kernel<SieveInput, SieveOutput> {

    private final ForkJoinPool pool;

    SieveForkJoin(ForkJoinPool pool) {
        this.pool = pool;
    }

    @Override
    public SieveOutput run(SieveInput input) {
        throw new BackendException("forkjoin Sieve is not written yet (pool " + pool.getParallelism() + ")");
    }
}
