package io.gpulab.gpu.cuda;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.Kernel;
import io.gpulab.api.Verdict;
import io.gpulab.conformance.RequireBackend;
import io.gpulab.cpu.seq.SeqBackend;
import io.gpulab.gpu.Sha256Gpu;
import io.gpulab.gpu.device.DeviceOptions;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import io.gpulab.tasks.Tasks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks that synthetic batches folded launch by launch agree with {@code seq}: device buffers capped at 1024 bytes
 * hold 32 partial folds, so a launch is 32 blocks of {@link Sha256Gpu#SYNTHETIC_GROUP} messages. Mirrors the opencl
 * test.
 */
class Sha256CudaLaunchesTest {

    private static BackendProvider provider;

    @BeforeAll
    static void requireCuda() {
        provider = RequireBackend.available("cuda");
    }

    @Test
    void syntheticBatchesOverSeveralLaunchesMatchSeqOnOneKernel() {
        // a short last launch, an exact multiple, a block + 1, then a batch smaller than one block
        int launch = 32 * Sha256Gpu.SYNTHETIC_GROUP;
        List<Sha256Input> inputs = List.of(new Sha256Input.Synthetic(2 * launch + 5, 70, 3, Long.MIN_VALUE + 7),
                new Sha256Input.Synthetic(2 * launch, 0, 1, 5),
                new Sha256Input.Synthetic(Sha256Gpu.SYNTHETIC_GROUP + 1, 64, 2, -1),
                new Sha256Input.Synthetic(10, 64, 2, -1));
        BackendOptions d = BackendOptions.defaults();
        BackendOptions capped = new BackendOptions(null, d.threads(), d.workers(), d.workerTimeout(),
                Map.of(DeviceOptions.MAX_BUFFER_BYTES, "1024"));
        try (Backend b = provider.open(capped); Backend seq = new SeqBackend();
                Kernel<Sha256Input, Sha256Output> k = b.prepare(Tasks.SHA256, inputs.get(0));
                Kernel<Sha256Input, Sha256Output> ref = seq.prepare(Tasks.SHA256, inputs.get(0))) {
            for (Sha256Input in : inputs) {
                Verdict v = Tasks.SHA256.compare(ref.run(in), k.run(in));
                assertTrue(v.ok(), in + " on " + b.device() + ": " + v);
            }
        }
    }
}
