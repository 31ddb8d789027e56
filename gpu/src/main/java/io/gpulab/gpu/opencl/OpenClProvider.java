package io.gpulab.gpu.opencl;

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
import org.jocl.CLException;

/**
 * Provides the {@code opencl} backend through JOCL: lists every platform and device as {@code opencl:P:D} and
 * runs the self-test on the default device (the first GPU, else the first device). Its constructor touches no
 * native code; a missing library, a missing driver or a failing self-test becomes one readable reason.
 */
public final class OpenClProvider extends SelfTestedProvider {

    /** The OpenCL library names JOCL 2.0.6 tries on Linux, in order. */
    static final List<String> OPENCL_LIBRARY_NAMES = List.of("libOpenCL.so", "libOpenCL.so.1");

    /** The words of JOCL 2.0.6's error when none of those names loads. */
    static final String JOCL_NO_OPENCL = "Implementation library could not be loaded";

    /** Creates the provider; touches nothing. */
    public OpenClProvider() {
        super("opencl", GpuBackend.kernels("opencl"));
    }

    /** Lists every platform and device, then runs the self-test on the default device. */
    @Override
    protected Availability probeOnce() {
        List<DeviceInfo> infos = List.of();
        try {
            infos = OpenClDevices.all().stream().map(OpenClDevice::info).toList();
            OpenClDevice device = OpenClDevices.defaultDevice();
            String failure;
            try (Backend b = new GpuBackend(new OpenClRuntime(device, new DeviceOptions(0)))) {
                failure = SelfTest.run(b, tasks());
            }
            return failure == null ? Availability.available(infos)
                    : new Availability(false, failure + " on " + device.id(), infos);
        } catch (BackendUnavailableException e) {
            return new Availability(false, e.getMessage(), infos);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return Availability.unavailable(libraryNotFound(e));
        } catch (CLException e) {
            return new Availability(false, "OpenCL error: " + SelfTest.oneLine(e), infos);
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
     * Opens the backend on {@code options.device()} ({@code opencl:P:D}, default device when null) with the device
     * options of {@link DeviceOptions}, which are checked first.
     *
     * @throws io.gpulab.api.InvalidOptionException for an unknown {@code -X} key or a bad value
     * @throws BackendUnavailableException when OpenCL cannot load or the device id is unknown (listing valid ids)
     */
    @Override
    public Backend open(BackendOptions options) {
        DeviceOptions deviceOptions = DeviceOptions.of(id(), options);
        try {
            OpenClDevice device = OpenClDevices.find(options.device());
            return new GpuBackend(new OpenClRuntime(device, deviceOptions));
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new BackendUnavailableException(libraryNotFound(e), e);
        } catch (CLException e) {
            throw new BackendUnavailableException("OpenCL error opening " + options.device() + ": "
                    + SelfTest.oneLine(e), e);
        }
    }

    /** Returns the device option keys both GPU runtimes take ({@link DeviceOptions#KEYS}). */
    @Override
    public List<BackendOptionKey> optionKeys() {
        return DeviceOptions.optionKeys();
    }

    /**
     * Returns the reason for a failed library load. JOCL 2.0.6 opens the OpenCL ICD loader by the names in
     * {@link #OPENCL_LIBRARY_NAMES} (the plain name comes with Debian's -dev package, the versioned one with the
     * runtime package), so when neither loads the reason names them and the packages that provide them; any other
     * failure (JOCL's own native library, a missing class) is reported as it is.
     */
    static String libraryNotFound(Throwable e) {
        // the first call sees JOCL's UnsatisfiedLinkError; later ones a NoClassDefFoundError caused by it
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(JOCL_NO_OPENCL)) {
                return "OpenCL library not found: JOCL tried " + String.join(" and ", OPENCL_LIBRARY_NAMES)
                        + " on the system library path (ldconfig, LD_LIBRARY_PATH); install the ICD loader "
                        + "(ocl-icd-libopencl1 on Debian and Ubuntu) and an OpenCL driver (ICD) for the device, "
                        + "such as pocl-opencl-icd for the CPU or the GPU vendor's";
            }
        }
        return "OpenCL library not usable: " + SelfTest.oneLine(e);
    }
}
