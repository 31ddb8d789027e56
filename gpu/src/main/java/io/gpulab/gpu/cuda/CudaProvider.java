package io.gpulab.gpu.cuda;

import io.gpulab.api.Availability;
import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptionKey;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.BackendUnavailableException;
import io.gpulab.api.DeviceInfo;
import io.gpulab.api.spi.SelfTest;
import io.gpulab.api.spi.SelfTestedProvider;
import java.util.List;

/**
 * Provides the {@code cuda} backend through JCuda's driver API, with the kernels of the shared sources shipped as
 * PTX. The constructor touches no native code; {@link #probe} loads the driver once and caches its verdict.
 */
public final class CudaProvider extends SelfTestedProvider {

    /** Creates the provider; touches nothing. */
    public CudaProvider() {
        super("cuda", CudaBackend.KERNELS);
    }

    /** Loads JCuda and the driver, lists the devices and runs the self-test on {@code cuda:0}. */
    @Override
    protected Availability probeOnce() {
        String failure = CudaDriver.initialize();
        if (failure != null) {
            return Availability.unavailable(failure);
        }
        List<DeviceInfo> devices;
        try {
            devices = CudaDevices.list();
        } catch (RuntimeException e) {
            return Availability.unavailable("cannot list the CUDA devices: " + SelfTest.oneLine(e));
        }
        if (devices.isEmpty()) {
            return Availability.unavailable("no CUDA device found");
        }
        try {
            return selfTest(new CudaBackend(BackendOptions.defaults()), devices);
        } catch (RuntimeException e) {
            return new Availability(false, SelfTest.oneLine(e), devices);
        }
    }

    /**
     * Opens the backend on the device named in the options ({@code cuda:N}, default {@code cuda:0}).
     *
     * @throws BackendUnavailableException when the driver, the device or the shipped kernels cannot run here
     */
    @Override
    public Backend open(BackendOptions options) {
        Availability a = probe();
        if (!a.available()) {
            throw new BackendUnavailableException("backend cuda is unavailable: " + a.reason());
        }
        return new CudaBackend(options);
    }

    /** Returns {@code cuda.maxChunkBytes}, the most bytes one device buffer of a split input may use. */
    @Override
    public List<BackendOptionKey> optionKeys() {
        return List.of(new BackendOptionKey(CudaBackend.MAX_CHUNK, "the most bytes one device buffer of a split "
                + "input may use, at least 1024; default 512 MiB"));
    }
}
