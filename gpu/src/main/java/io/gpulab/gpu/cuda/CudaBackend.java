package io.gpulab.gpu.cuda;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendException;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.BackendUnavailableException;
import io.gpulab.api.DeviceInfo;
import io.gpulab.api.Kernel;
import io.gpulab.api.Phase;
import io.gpulab.api.Task;
import io.gpulab.api.spi.KernelRegistry;
import io.gpulab.tasks.Tasks;
import java.util.Map;
import jcuda.CudaException;

/**
 * The {@code cuda} backend on one device: one context and stream, the modules of the shipped PTX, and one kernel
 * class per task ({@link SieveCuda}, {@link Sha256Cuda}, {@link BlurCuda}, whose Javadoc gives each decomposition,
 * memory layout and host/device traffic).
 *
 * <p>Options: the device ({@code cuda:N}, default {@code cuda:0}) and, in {@code extra}, {@value #MAX_CHUNK}, the
 * most bytes one device buffer of a split input may use (default 512 MiB, and never more than a quarter of the free
 * device memory; tests set it small to exercise the splitting). Inputs are split by the same planning code as on
 * opencl, where {@code gpulab.opencl.maxAllocBytes} plays this role.
 */
final class CudaBackend implements Backend {

    /** The tasks this backend runs and how it builds each one's kernel, its functions loaded first. */
    static final KernelRegistry<CudaBackend> KERNELS = new KernelRegistry<CudaBackend>("cuda")
            .add(Tasks.BLUR, (b, in) -> new BlurCuda(b.load(BlurCuda.ROWS, BlurCuda.COLS).context, b.maxChunkBytes))
            .add(Tasks.SHA256, (b, in) -> new Sha256Cuda(b.load(Sha256Cuda.MESSAGES, Sha256Cuda.SYNTHETIC).context,
                    b.maxChunkBytes))
            .add(Tasks.SIEVE, (b, in) -> new SieveCuda(b.load(SieveCuda.SEGMENTS).context, b.maxChunkBytes));

    /** The extra option that caps the bytes of one device buffer of a split input. */
    static final String MAX_CHUNK = "cuda.maxChunkBytes";

    private static final long DEFAULT_MAX_CHUNK = 512L << 20;

    private final CudaContext context;
    private final String device;
    private final long maxChunkBytes;

    /**
     * Opens the device named in the options; the driver must be initialized.
     *
     * @throws BackendUnavailableException when the device id names no device or its context cannot be created
     */
    CudaBackend(BackendOptions options) {
        int ordinal = CudaDevices.ordinal(options.device(), CudaDevices.list().size());
        DeviceInfo info = CudaDevices.describe(ordinal);
        this.maxChunkBytes = maxChunk(options);
        try {
            this.context = new CudaContext(ordinal);
        } catch (CudaException e) {
            throw new BackendUnavailableException("cannot create a CUDA context on " + info.id() + " ("
                    + info.name() + "): " + CudaErrors.describe(CudaErrors.code(e)), e);
        }
        Map<String, String> p = info.properties();
        this.device = info.id() + " " + info.name() + " (compute " + p.get("compute capability") + ", "
                + p.get("multiprocessors") + " SMs, " + p.get("memory") + ", " + p.get("driver") + ")";
    }

    private static long maxChunk(BackendOptions options) {
        String v = options.extra().get(MAX_CHUNK);
        if (v == null) {
            return DEFAULT_MAX_CHUNK;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < 1024) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BackendException("option " + MAX_CHUNK + " must be a byte count of at least 1024: " + v);
        }
    }

    @Override
    public String id() {
        return "cuda";
    }

    @Override
    public String device() {
        return device;
    }

    /** Returns the kernel of the task; its module is loaded (PTX JIT, or NVRTC) here, outside any timing. */
    @Override
    public <I, O> Kernel<I, O> prepare(Task<I, O> task, I input) {
        return context.guard("prepare " + task.id(), () -> KERNELS.prepare(this, task, input));
    }

    /** Loads the named functions of the module (PTX JIT, or NVRTC), so that a kernel's first run compiles nothing. */
    private CudaBackend load(CudaKernelSpec... functions) {
        for (CudaKernelSpec f : functions) {
            context.function(f);
        }
        return this;
    }

    @Override
    public Map<Phase, Double> setupPhases() {
        return context.setupPhases();
    }

    @Override
    public void close() {
        context.close();
    }
}
