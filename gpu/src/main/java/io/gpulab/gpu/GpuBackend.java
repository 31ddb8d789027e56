package io.gpulab.gpu;

import io.gpulab.api.Backend;
import io.gpulab.api.Kernel;
import io.gpulab.api.Phase;
import io.gpulab.api.SerialItems;
import io.gpulab.api.Task;
import io.gpulab.api.spi.KernelRegistry;
import io.gpulab.gpu.device.Device;
import io.gpulab.images.Image;
import io.gpulab.tasks.Tasks;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code opencl} and {@code cuda} backends: one {@link Device} of either runtime and the task kernels written
 * once over it ({@link SieveGpu}, {@link Sha256Gpu}, {@link BlurGpu}, whose Javadoc gives each decomposition,
 * memory layout and host/device traffic).
 */
public final class GpuBackend implements Backend {

    private final Device device;
    private final KernelRegistry<GpuBackend> kernels;

    /** Creates the backend over an opened device, which it closes. */
    public GpuBackend(Device device) {
        this.device = device;
        this.kernels = kernels(device.runtime());
    }

    /**
     * Returns the tasks the GPU backends run and how each one's kernel is built, the same for every runtime; a
     * provider declares its tasks from it.
     */
    public static KernelRegistry<GpuBackend> kernels(String runtime) {
        return new KernelRegistry<GpuBackend>(runtime)
                .add(Tasks.BLUR, (b, in) -> new BlurGpu(b.device))
                .add(Tasks.SHA256, (b, in) -> new Sha256Gpu(b.device))
                .add(Tasks.SIEVE, (b, in) -> new SieveGpu(b.device, in));
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
    public <I, O> Kernel<I, O> prepare(Task<I, O> task, I input) {
        return device.guard("prepare " + task.id(), () -> kernels.prepare(this, task, input));
    }

    /**
     * Returns a direct copy of the image in {@link Device#hostMemory} (page-locked on CUDA), which the blur uploads
     * from without a staging copy and which stays valid after this backend closes.
     */
    @Override
    public Image hostImage(Image image) {
        return device.guard("host memory for " + image, () -> {
            ByteBuffer m = device.hostMemory(image.sampleCount());
            m.put(0, image.buffer(), 0, image.sampleCount());
            return Image.direct(image.width(), image.height(), image.channels(), m.clear());
        });
    }

    /** Returns {@link Sha256Gpu#SERIAL_MESSAGES} for sha256, whose kernel hashes each given message on one thread. */
    @Override
    public Optional<SerialItems> serialItems(Task<?, ?> task) {
        return task == Tasks.SHA256 ? Optional.of(Sha256Gpu.SERIAL_MESSAGES) : Optional.empty();
    }

    @Override
    public Map<Phase, Double> setupPhases() {
        return device.setupPhases();
    }

    @Override
    public void close() {
        device.close();
    }
}
