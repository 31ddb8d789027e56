package io.gpulab.gpu.cuda;

import io.gpulab.api.BackendOptions;
import io.gpulab.conformance.BackendConformance;
import java.util.Map;

/**
 * Runs the conformance harness on {@code cuda} with chunks capped at 64 KiB, so that inputs are split into many
 * chunks (sieve launches, sha256 batches, blur bands) and the split paths are checked against {@code seq} too.
 */
class CudaSplitConformanceTest extends BackendConformance {

    @Override
    protected String backendId() {
        return "cuda";
    }

    @Override
    protected BackendOptions options() {
        BackendOptions d = BackendOptions.defaults();
        return new BackendOptions(null, d.threads(), d.workers(), d.workerTimeout(),
                Map.of(CudaBackend.MAX_CHUNK, Integer.toString(64 * 1024)));
    }
}
