package io.gpulab.cpu.seq;

import io.gpulab.api.Availability;
import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.DeviceInfo;
import io.gpulab.cpu.CpuInfo;
import io.gpulab.api.spi.SelfTestedProvider;
import java.util.List;
import java.util.Map;

/** Provides the {@code seq} backend: one thread on the CPU, the reference. */
public final class SeqProvider extends SelfTestedProvider {

    /** Creates the provider; touches nothing. */
    public SeqProvider() {
        super("seq", SeqBackend.KERNELS);
    }

    /** Self-tests a fresh backend on the one CPU thread it uses. */
    @Override
    protected Availability probeOnce() {
        Map<String, String> props = CpuInfo.properties(1);
        props.put("blur path", BlurSeq.simd());
        DeviceInfo cpu = new DeviceInfo("seq", CpuInfo.modelName(), props);
        return selfTest(new SeqBackend(), List.of(cpu));
    }

    @Override
    public Backend open(BackendOptions options) {
        return new SeqBackend();
    }
}
