package io.gpulab.cpu.seq;

import io.gpulab.api.Backend;
import io.gpulab.api.Kernel;
import io.gpulab.api.Task;
import io.gpulab.api.spi.KernelRegistry;
import io.gpulab.tasks.Tasks;
import io.gpulab.cpu.CpuInfo;

/** The {@code seq} backend: every task on the calling thread; holds no resources. */
public final class SeqBackend implements Backend {

    /** The tasks this backend runs and how it builds each one's kernel. */
    public static final KernelRegistry<SeqBackend> KERNELS = new KernelRegistry<SeqBackend>("seq")
            .add(Tasks.BLUR, (b, in) -> new BlurSeq())
            .add(Tasks.SHA256, (b, in) -> new Sha256Seq())
            .add(Tasks.SIEVE, (b, in) -> new SieveSeq());

    @Override
    public String id() {
        return "seq";
    }

    @Override
    public String device() {
        return CpuInfo.modelName() + ", 1 thread";
    }

    @Override
    public <I, O> Kernel<I, O> prepare(Task<I, O> task, I input) {
        return KERNELS.prepare(this, task, input);
    }

    @Override
    public void close() {
    }
}
