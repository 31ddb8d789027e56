package io.gpulab.gpu.cuda;

import io.gpulab.api.BackendOptions;
import io.gpulab.conformance.BackendConformance;
import io.gpulab.gpu.device.DeviceOptions;
import java.util.Map;

/**
 * Runs the conformance harness on {@code cuda} with device buffers capped at 1 MiB, so that the split paths are
 * checked against {@code seq} too: blur bands (640x480 and larger images), listing sieve launches (64 segments
 * each) and batches of large given messages. At 1 MiB the 3840-wide blur case still fits one output row with its
 * halo; counting sieves and synthetic sha256 batches of the harness stay in one launch at this cap.
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
                Map.of(DeviceOptions.MAX_BUFFER_BYTES, Integer.toString(1024 * 1024)));
    }
}
