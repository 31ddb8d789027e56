package io.gpulab.gpu.cuda;

import io.gpulab.api.Availability;
import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.BackendUnavailableException;
import java.util.Set;

/** PLACEHOLDER for the {@code cuda} backend, replaced before anything lands. */
public final class CudaProvider implements BackendProvider {

    @Override
    public String id() {
        return "cuda";
    }

    @Override
    public Set<String> tasks() {
        return Set.of("blur", "sha256", "sieve");
    }

    @Override
    public Availability probe() {
        return Availability.unavailable("not written yet");
    }

    @Override
    public Backend open(BackendOptions options) {
        throw new BackendUnavailableException("cuda backend not written yet");
    }
}
