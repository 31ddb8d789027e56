package io.gpulab.cpu.process;

import io.gpulab.api.Availability;
import io.gpulab.api.Backend;
import io.gpulab.api.BackendException;
import io.gpulab.api.BackendOptionKey;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.BackendUnavailableException;
import io.gpulab.api.DeviceInfo;
import io.gpulab.cpu.CpuInfo;
import io.gpulab.cpu.seq.BlurSeq;
import io.gpulab.api.spi.SelfTestedProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Provides the {@code process} backend: a pool of worker JVMs that exchange data through shared memory. */
public final class ProcessProvider extends SelfTestedProvider {

    /** Creates the provider; starts no process. */
    public ProcessProvider() {
        super("process", ProcessBackend.KERNELS);
    }

    /**
     * Starts a one-worker pool and runs the self-test on it; a worker JVM that cannot start throws, which
     * {@link #probe} turns into the reason.
     */
    @Override
    protected Availability probeOnce() {
        BackendOptions one = new BackendOptions(null, 0, 1, Duration.ofMinutes(1), Map.of());
        return selfTest(new ProcessBackend(one), devices());
    }

    private static List<DeviceInfo> devices() {
        int workers = Runtime.getRuntime().availableProcessors();
        Map<String, String> props = CpuInfo.properties(workers);
        props.put("blur path", BlurSeq.simd());
        return List.of(new DeviceInfo("process", CpuInfo.modelName() + ", " + workers + " worker JVMs", props));
    }

    /**
     * Opens the backend for use; when no probe has run yet, self-tests this very worker pool instead of starting a
     * one-worker pool for a probe first, so that {@code gpulab run --backend process} starts its workers once.
     */
    @Override
    public Backend openAvailable(BackendOptions options) {
        return probed() ? super.openAvailable(options) : openSelfTested(new ProcessBackend(options), devices());
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

    /** Returns {@code process.workerHeap}, {@code process.shards} and the test-only {@code process.fault}. */
    @Override
    public List<BackendOptionKey> optionKeys() {
        return ProcessBackend.OPTION_KEYS;
    }
}
