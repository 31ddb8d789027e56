package io.gpulab.gpu.opencl;

import static org.jocl.CL.CL_KERNEL_WORK_GROUP_SIZE;
import static org.jocl.CL.clCreateKernel;
import static org.jocl.CL.clGetKernelWorkGroupInfo;

import io.gpulab.api.Backend;
import io.gpulab.api.Kernel;
import io.gpulab.api.Phase;
import io.gpulab.api.Task;
import io.gpulab.api.spi.KernelRegistry;
import io.gpulab.tasks.Tasks;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;

/**
 * The {@code opencl} backend opened on one device: one profiling queue, the device's cached programs, and a
 * per-buffer byte budget that every kernel splits its launches by.
 *
 * <p>The budget is the smallest of {@code CL_DEVICE_MAX_MEM_ALLOC_SIZE}, a quarter of the global memory (a
 * launch holds at most four large buffers) and the test cap {@code gpulab.opencl.maxAllocBytes}.
 */
final class OpenClBackend implements Backend {

    /** The tasks this backend runs and how it builds each one's kernel. */
    static final KernelRegistry<OpenClBackend> KERNELS = new KernelRegistry<OpenClBackend>("opencl")
            .add(Tasks.BLUR, BlurOpenCl::new)
            .add(Tasks.SHA256, Sha256OpenCl::new)
            .add(Tasks.SIEVE, SieveOpenCl::new);

    /** The system property that caps the per-buffer budget, for tests of the splitting. */
    static final String MAX_ALLOC_PROPERTY = "gpulab.opencl.maxAllocBytes";

    private final OpenClContext context;
    private final OpenClQueue queue;
    private final long budget;
    private final Map<String, Double> compileSeconds = new LinkedHashMap<>();

    /** Opens a queue on the device; a positive cap lowers the per-buffer budget. */
    OpenClBackend(OpenClDevice device, long capBytes) {
        this.context = OpenClContext.of(device);
        this.queue = new OpenClQueue(context);
        long b = Math.min(device.maxAllocBytes(), device.globalMemBytes() / 4);
        this.budget = capBytes > 0 ? Math.min(b, capBytes) : b;
    }

    @Override
    public String id() {
        return "opencl";
    }

    @Override
    public String device() {
        OpenClDevice d = context.device();
        return d.info().name() + " (" + d.id() + ", " + d.info().properties().get("platform") + ", driver "
                + d.info().properties().get("driver version") + ")";
    }

    @Override
    public <I, O> Kernel<I, O> prepare(Task<I, O> task, I input) {
        return KERNELS.prepare(this, task, input);
    }

    /**
     * Returns the one-off {@code compile} seconds: the cold build time of every program this backend used, even
     * when the build happened earlier in the process (the probe builds them all), since it is paid once.
     */
    @Override
    public synchronized Map<Phase, Double> setupPhases() {
        return Map.of(Phase.COMPILE, compileSeconds.values().stream().mapToDouble(Double::doubleValue).sum());
    }

    /** Returns the device this backend runs on. */
    OpenClDevice openClDevice() {
        return context.device();
    }

    /** Returns the per-buffer byte budget launches are split by. */
    long budget() {
        return budget;
    }

    /** Returns the backend's queue. */
    OpenClQueue queue() {
        return queue;
    }

    /** Creates a kernel object of a cached program (kernel objects hold arguments, so each user gets its own). */
    synchronized cl_kernel kernel(String resource, String options, String name) {
        OpenClContext.Program p = context.program(resource, options);
        compileSeconds.put(resource + " " + options, p.coldBuildSeconds());
        return clCreateKernel(p.program(), name, null);
    }

    /** Returns the largest work-group size this kernel can be launched with on the device. */
    long maxGroupSize(cl_kernel kernel) {
        long[] v = new long[1];
        clGetKernelWorkGroupInfo(kernel, context.device().device(), CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t,
                Pointer.to(v), null);
        return v[0];
    }

    @Override
    public void close() {
        queue.close();
    }
}
