package io.gpulab.gpu;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendException;
import io.gpulab.api.Kernel;
import io.gpulab.api.Task;
import io.gpulab.gpu.device.Device;
import io.gpulab.tasks.SieveInput;
import java.util.Map;

/**
 * The {@code opencl} and {@code cuda} backends: one {@link Device} of either runtime and the task kernels written
 * once over it ({@link SieveGpu}, {@link Sha256Gpu}, {@link BlurGpu}, whose Javadoc gives each decomposition,
 * memory layout and host/device traffic).
 */
public final class GpuBackend implements Backend {

    private final Device device;

    /** Creates the backend over an opened device, which it closes. */
    public GpuBackend(Device device) {
        this.device = device;
    }

    @Override
    public String id() {
        return device.runtime();
    }

    @Override
    public String device() {
        return device.description();
    }

    /** Returns the kernel of the task; programs are built or modules loaded here, outside any timing. */
    @Override
    @SuppressWarnings("unchecked")
    public <I, O> Kernel<I, O> prepare(Task<I, O> task, I input) {
        return device.guard("prepare " + task.id(), () -> {
            Kernel<?, ?> k = switch (task.id()) {
                case "sieve" -> new SieveGpu(device, (SieveInput) input);
                case "sha256" -> new Sha256Gpu(device);
                case "blur" -> new BlurGpu(device);
                default -> throw new BackendException("backend " + id() + " does not run task " + task.id());
            };
            return (Kernel<I, O>) k;
        });
    }

    @Override
    public Map<String, Double> setupPhases() {
        return device.setupPhases();
    }

    @Override
    public void close() {
        device.close();
    }
}
