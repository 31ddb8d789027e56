package io.gpulab.cpu.seq;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendException;
import io.gpulab.api.Kernel;
import io.gpulab.api.Task;
import io.gpulab.cpu.CpuInfo;

/** The {@code seq} backend: every task on the calling thread; holds no resources. */
public final class SeqBackend implements Backend {

    @Override
    public String id() {
        return "seq";
    }

    @Override
    public String device() {
        return CpuInfo.modelName() + ", 1 thread";
    }

    @Override
    @SuppressWarnings("unchecked")
    public <I, O> Kernel<I, O> prepare(Task<I, O> task, I input) {
        Kernel<?, ?> k = switch (task.id()) {
            case "sieve" -> new SieveSeq();
            case "sha256" -> new Sha256Seq();
            case "blur" -> new BlurSeq();
            default -> throw new BackendException("backend seq does not run task " + task.id());
        };
        return (Kernel<I, O>) k;
    }

    @Override
    public void close() {
    }
}
