package io.gpulab.cpu.forkjoin;

import io.gpulab.api.Backend;
import io.gpulab.api.Kernel;
import io.gpulab.api.Task;
import io.gpulab.api.spi.KernelRegistry;
import io.gpulab.tasks.Tasks;
import io.gpulab.cpu.CpuInfo;
import java.util.concurrent.ForkJoinPool;

/** The {@code forkjoin} backend: owns one ForkJoinPool of {@code threads} threads, shut down on close. */
public final class ForkJoinBackend implements Backend {

    /** The tasks this backend runs and how it builds each one's kernel. */
    static final KernelRegistry<ForkJoinBackend> KERNELS = new KernelRegistry<ForkJoinBackend>("forkjoin")
            .add(Tasks.BLUR, (b, in) -> new BlurForkJoin(b.pool))
            .add(Tasks.SHA256, (b, in) -> new Sha256ForkJoin(b.pool))
            .add(Tasks.SIEVE, (b, in) -> new SieveForkJoin(b.pool));

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
    public <I, O> Kernel<I, O> prepare(Task<I, O> task, I input) {
        return KERNELS.prepare(this, task, input);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
