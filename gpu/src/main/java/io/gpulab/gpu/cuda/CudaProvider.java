package io.gpulab.gpu.cuda;

import io.gpulab.api.Availability;
import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptionKey;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.BackendUnavailableException;
import io.gpulab.api.DeviceInfo;
import io.gpulab.api.spi.SelfTest;
import io.gpulab.api.spi.SelfTestedProvider;
import io.gpulab.gpu.GpuBackend;
import io.gpulab.gpu.device.DeviceOptions;
import java.util.List;

/**
 * Provides the {@code cuda} backend through JCuda's driver API, with the kernels of the shared sources shipped as
 * PTX. The constructor touches no native code; {@link #probe} loads the driver once and caches its verdict.
 */
public final class CudaProvider extends SelfTestedProvider {

    /** Creates the provider; touches nothing. */
    public CudaProvider() {
        super("cuda", GpuBackend.kernels("cuda"));
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
            return selfTest(new GpuBackend(new CudaRuntime(0, new DeviceOptions(0))), devices);
        } catch (RuntimeException e) {
            return new Availability(false, SelfTest.oneLine(e), devices);
        }
    }

    /**
     * Checks the device options (usage errors come before any probe), then probes and opens.
     *
     * @throws io.gpulab.api.InvalidOptionException for an unknown {@code -X} key or a bad value
     */
    @Override
    public Backend openAvailable(BackendOptions options) {
        DeviceOptions.of(id(), options);
        return super.openAvailable(options);
    }

    /**
     * Opens the backend on the device named in the options ({@code cuda:N}, default {@code cuda:0}) with the device
     * options of {@link DeviceOptions}, which are checked first.
     *
     * @throws io.gpulab.api.InvalidOptionException for an unknown {@code -X} key or a bad value
     * @throws BackendUnavailableException when the driver, the device or the shipped kernels cannot run here
     */
    @Override
    public Backend open(BackendOptions options) {
        DeviceOptions deviceOptions = DeviceOptions.of(id(), options);
        Availability a = probe();
        if (!a.available()) {
            throw new BackendUnavailableException("backend cuda is unavailable: " + a.reason());
        }
        int ordinal = CudaDevices.ordinal(options.device(), a.devices().size());
        return new GpuBackend(new CudaRuntime(ordinal, deviceOptions));
    }

    /** Returns the device option keys both GPU runtimes take ({@link DeviceOptions#KEYS}). */
    @Override
    public List<BackendOptionKey> optionKeys() {
        return DeviceOptions.optionKeys();
    }
}
