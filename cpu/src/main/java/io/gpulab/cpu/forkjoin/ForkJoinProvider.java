package io.gpulab.cpu.forkjoin;

import io.gpulab.api.Availability;
import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.DeviceInfo;
import io.gpulab.cpu.CpuInfo;
import io.gpulab.tasks.SelfTest;
import java.util.List;
import java.util.Set;

/** Provides the {@code forkjoin} backend: threads of one ForkJoinPool. */
public final class ForkJoinProvider implements BackendProvider {

    private volatile Availability cached;

    /** Creates the provider; starts no thread. */
    public ForkJoinProvider() {
    }

    @Override
    public String id() {
        return "forkjoin";
    }

    @Override
    public Set<String> tasks() {
        return Set.of("blur", "sha256", "sieve");
    }

    @Override
    public Availability probe() {
        Availability a = cached;
        if (a == null) {
            try (Backend b = open(BackendOptions.defaults())) {
                String failure = SelfTest.run(b, tasks());
                int threads = Runtime.getRuntime().availableProcessors();
                DeviceInfo cpu = new DeviceInfo("forkjoin", CpuInfo.modelName(), CpuInfo.properties(threads));
                a = failure == null ? Availability.available(List.of(cpu)) : Availability.unavailable(failure);
            }
            cached = a;
        }
        return a;
    }

    @Override
    public Backend open(BackendOptions options) {
        return new ForkJoinBackend(options.effectiveThreads());
    }
}
