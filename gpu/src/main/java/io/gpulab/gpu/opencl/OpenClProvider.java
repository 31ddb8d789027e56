package io.gpulab.gpu.opencl;

import io.gpulab.api.Availability;
import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.BackendUnavailableException;
import io.gpulab.api.DeviceInfo;
import io.gpulab.tasks.SelfTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jocl.CLException;

/**
 * Provides the {@code opencl} backend through JOCL: lists every platform and device as {@code opencl:P:D} and
 * runs the self-test on the default device (the first GPU, else the first device). Its constructor touches no
 * native code; a missing library, a missing driver or a failing self-test becomes one readable reason.
 */
public final class OpenClProvider implements BackendProvider {

    private volatile Availability cached;

    /** Creates the provider; touches nothing. */
    public OpenClProvider() {
    }

    @Override
    public String id() {
        return "opencl";
    }

    @Override
    public Set<String> tasks() {
        return Set.of("blur", "sha256", "sieve");
    }

    @Override
    public synchronized Availability probe() {
        if (cached == null) {
            cached = probeNow();
        }
        return cached;
    }

    private Availability probeNow() {
        List<DeviceInfo> infos = List.of();
        try {
            infos = OpenClDevices.all().stream().map(OpenClDevice::info).toList();
            OpenClDevice device = OpenClDevices.defaultDevice();
            String failure;
            try (Backend b = new OpenClBackend(device, 0)) {
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
     * Opens the backend on {@code options.device()} ({@code opencl:P:D}, default device when null); reads the
     * test cap {@code gpulab.opencl.maxAllocBytes} here.
     *
     * @throws BackendUnavailableException when OpenCL cannot load or the device id is unknown (listing valid ids)
     */
    @Override
    public Backend open(BackendOptions options) {
        try {
            OpenClDevice device = OpenClDevices.find(options.device());
            return new OpenClBackend(device, Long.getLong(OpenClBackend.MAX_ALLOC_PROPERTY, 0L));
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new BackendUnavailableException(libraryNotFound(e), e);
        } catch (CLException e) {
            throw new BackendUnavailableException("OpenCL error opening " + options.device() + ": "
                    + SelfTest.oneLine(e), e);
        }
    }

    /**
     * Returns the reason for a failed library load; JOCL 2.0.5 opens only {@code libOpenCL.so}, which Debian and
     * Ubuntu ship in the -dev package, so a runtime-only install ({@code libOpenCL.so.1}) gets a precise hint.
     */
    static String libraryNotFound(Throwable e) {
        String reason = "OpenCL library not found: " + SelfTest.oneLine(e);
        for (String dir : List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib")) {
            if (Files.exists(Path.of(dir, "libOpenCL.so.1")) && !Files.exists(Path.of(dir, "libOpenCL.so"))) {
                return reason + " (JOCL loads libOpenCL.so but only " + dir + "/libOpenCL.so.1 exists: install "
                        + "ocl-icd-opencl-dev, or put a libOpenCL.so link to it on LD_LIBRARY_PATH)";
            }
        }
        return reason;
    }
}
