package io.gpulab.cpu.process;

import io.gpulab.api.Availability;
import io.gpulab.api.Backend;
import io.gpulab.api.BackendException;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.BackendUnavailableException;
import io.gpulab.api.DeviceInfo;
import io.gpulab.cpu.CpuInfo;
import io.gpulab.tasks.SelfTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Provides the {@code process} backend: a pool of worker JVMs that exchange data through shared memory. */
public final class ProcessProvider implements BackendProvider {

    private volatile Availability cached;

    /** Creates the provider; starts no process. */
    public ProcessProvider() {
    }

    @Override
    public String id() {
        return "process";
    }

    @Override
    public Set<String> tasks() {
        return Set.of("blur", "sha256", "sieve");
    }

    /** Starts a one-worker pool, runs the self-test on it and caches the outcome. */
    @Override
    public Availability probe() {
        Availability a = cached;
        if (a == null) {
            BackendOptions one = new BackendOptions(null, 0, 1, Duration.ofMinutes(1), Map.of());
            try (Backend b = new ProcessBackend(one)) {
                String failure = SelfTest.run(b, tasks());
                int workers = Runtime.getRuntime().availableProcessors();
                DeviceInfo cpu = new DeviceInfo("process", CpuInfo.modelName() + ", " + workers + " worker JVMs",
                        CpuInfo.properties(workers));
                a = failure == null ? Availability.available(List.of(cpu)) : Availability.unavailable(failure);
            } catch (BackendException e) {
                a = Availability.unavailable(SelfTest.oneLine(e));
            }
            cached = a;
        }
        return a;
    }

    /**
     * Opens the backend, starting its worker JVMs.
     *
     * @throws BackendUnavailableException when a worker JVM cannot start
     * @throws BackendException when an option is invalid
     */
    @Override
    public Backend open(BackendOptions options) {
        return new ProcessBackend(options);
    }
}
