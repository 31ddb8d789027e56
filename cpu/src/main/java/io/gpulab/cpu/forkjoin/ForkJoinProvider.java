package io.gpulab.cpu.forkjoin;

import io.gpulab.api.Availability;
import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.DeviceInfo;
import io.gpulab.cpu.CpuInfo;
import io.gpulab.tasks.SelfTestedProvider;
import java.util.List;

/** Provides the {@code forkjoin} backend: threads of one ForkJoinPool. */
public final class ForkJoinProvider extends SelfTestedProvider {

    /** Creates the provider; starts no thread. */
    public ForkJoinProvider() {
        super("forkjoin");
    }

    /** Self-tests a backend with the default thread count, one per available processor. */
    @Override
    protected Availability probeOnce() {
        int threads = Runtime.getRuntime().availableProcessors();
        DeviceInfo cpu = new DeviceInfo("forkjoin", CpuInfo.modelName(), CpuInfo.properties(threads));
        return selfTest(open(BackendOptions.defaults()), List.of(cpu));
    }

    @Override
    public Backend open(BackendOptions options) {
        return new ForkJoinBackend(options.effectiveThreads());
    }
}
