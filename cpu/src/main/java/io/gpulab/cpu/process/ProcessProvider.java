package io.gpulab.cpu.process;

import io.gpulab.api.Availability;
import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.BackendUnavailableException;
import java.util.Set;

/** PLACEHOLDER for the {@code process} backend, replaced before anything lands. */
public final class ProcessProvider implements BackendProvider {

    @Override
    public String id() {
        return "process";
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
        throw new BackendUnavailableException("process backend not written yet");
    }
}
