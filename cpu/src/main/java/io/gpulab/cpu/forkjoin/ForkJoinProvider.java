package io.gpulab.cpu.forkjoin;

import io.gpulab.api.Availability;
import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.DeviceInfo;
import io.gpulab.cpu.CpuInfo;
import io.gpulab.cpu.seq.BlurSeq;
import io.gpulab.api.spi.SelfTestedProvider;
import java.util.List;
import java.util.Map;

/** Provides the {@code forkjoin} backend: threads of one ForkJoinPool. */
public final class ForkJoinProvider extends SelfTestedProvider {

    /** Creates the provider; starts no thread. */
    public ForkJoinProvider() {
        super("forkjoin", ForkJoinBackend.KERNELS);
    }

    /** Self-tests a backend with the default thread count, one per available processor. */
    @Override
    protected Availability probeOnce() {
        int threads = Runtime.getRuntime().availableProcessors();
        Map<String, String> props = CpuInfo.properties(threads);
        props.put("blur path", BlurSeq.simd());
        DeviceInfo cpu = new DeviceInfo("forkjoin", CpuInfo.modelName(), props);
        return selfTest(open(BackendOptions.defaults()), List.of(cpu));
    }

    @Override
    public Backend open(BackendOptions options) {
        return new ForkJoinBackend(options.effectiveThreads());
    }
}
