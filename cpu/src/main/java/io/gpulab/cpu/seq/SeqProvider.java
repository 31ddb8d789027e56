package io.gpulab.cpu.seq;

import io.gpulab.api.Availability;
import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.DeviceInfo;
import io.gpulab.cpu.CpuInfo;
import io.gpulab.tasks.SelfTest;
import java.util.List;
import java.util.Set;

/** Provides the {@code seq} backend: one thread on the CPU, the reference. */
public final class SeqProvider implements BackendProvider {

    private volatile Availability cached;

    /** Creates the provider; touches nothing. */
    public SeqProvider() {
    }

    @Override
    public String id() {
        return "seq";
    }

    @Override
    public Set<String> tasks() {
        return Set.of("blur", "sha256", "sieve");
    }

    @Override
    public Availability probe() {
        Availability a = cached;
        if (a == null) {
            try (Backend b = new SeqBackend()) {
                String failure = SelfTest.run(b, tasks());
                DeviceInfo cpu = new DeviceInfo("seq", CpuInfo.modelName(), CpuInfo.properties(1));
                a = failure == null ? Availability.available(List.of(cpu)) : Availability.unavailable(failure);
            }
            cached = a;
        }
        return a;
    }

    @Override
    public Backend open(BackendOptions options) {
        return new SeqBackend();
    }
}
