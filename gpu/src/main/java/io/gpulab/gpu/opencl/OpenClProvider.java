package io.gpulab.gpu.opencl;

import io.gpulab.api.Availability;
import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.BackendUnavailableException;
import java.util.Set;

/** PLACEHOLDER for the {@code opencl} backend, replaced before anything lands. */
public final class OpenClProvider implements BackendProvider {

    @Override
    public String id() {
        return "opencl";
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
        throw new BackendUnavailableException("opencl backend not written yet");
    }
}
