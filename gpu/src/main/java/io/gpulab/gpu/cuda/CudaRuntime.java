package io.gpulab.gpu.cuda;

import io.gpulab.api.BackendException;
import io.gpulab.api.BackendUnavailableException;
import io.gpulab.api.DeviceInfo;
import io.gpulab.api.Phase;
import io.gpulab.gpu.device.Device;
import io.gpulab.gpu.device.DeviceBuffer;
import io.gpulab.gpu.device.DeviceEvent;
import io.gpulab.gpu.device.DeviceFunction;
import io.gpulab.gpu.device.DeviceOptions;
import io.gpulab.gpu.device.KernelSpec;
import io.gpulab.gpu.device.Phases;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jcuda.CudaException;
import jcuda.NativePointerObject;
import jcuda.Pointer;
import jcuda.driver.CUevent;
import jcuda.driver.CUfunction;
import jcuda.driver.CUfunction_attribute;
import jcuda.driver.CUstream;
import jcuda.driver.JCudaDriver;

/**
 * The CUDA implementation of {@link Device} on one device: one context with a stream per queue
 * ({@link CudaContext}), the modules of the shipped PTX, pinned staging buffers, page-locked host memory that
 * outlives the context ({@link CudaHostMemory}), and a pair of CUDA events around every copy and launch, whose
 * elapsed times give the phases; events recorded on one stream and waited for by the other
 * ({@code cuStreamWaitEvent}) order the two.
 *
 * <p>The per-buffer budget is the smallest of {@value #DEFAULT_LIMIT_MIB} MiB (pinned host memory of the same size
 * stands beside every staged buffer), a quarter of the free device memory at the time of asking (a launch holds at
 * most four large buffers) and {@code device.maxBufferBytes}.
 */
final class CudaRuntime implements Device {

    private static final long DEFAULT_LIMIT_MIB = 512;
    private static final long ALIGNMENT = 256;
    private static final int MAX_GROUPS_Y = 65535;

    /**
     * One enqueued copy or launch between two recorded events.
     *
     * @param phase the phase its time counts towards
     * @param start the event recorded before it
     * @param end the event recorded after it
     */
    private record Timed(Phase phase, CUevent start, CUevent end) {
    }

    /**
     * An event recorded on one stream.
     *
     * @param queue the queue (stream) it was recorded on
     * @param event the event
     */
    private record Marker(int queue, CUevent event) implements DeviceEvent {
    }

    /** Returns the CUDA event of a marker of this runtime (tests query it). */
    static CUevent event(DeviceEvent marker) {
        return ((Marker) marker).event();
    }

    private final CudaContext context;
    private final DeviceOptions options;
    private final String description;
    private final List<Timed> timed = new ArrayList<>();
    private final List<CUevent> spare = new ArrayList<>();
    private final List<CUevent> markers = new ArrayList<>();
    private int current;
    private final Phases phases = new Phases();
    private int eventGeneration;

    /**
     * Opens the device with this ordinal; the driver must be initialized.
     *
     * @throws BackendUnavailableException when its context cannot be created
     */
    CudaRuntime(int ordinal, DeviceOptions options) {
        DeviceInfo info = CudaDevices.describe(ordinal);
        this.options = options;
        try {
            this.context = new CudaContext(ordinal);
        } catch (CudaException e) {
            throw new BackendUnavailableException("cannot create a CUDA context on " + info.id() + " ("
                    + info.name() + "): " + CudaErrors.describe(CudaErrors.code(e)), e);
        }
        this.eventGeneration = context.generation();
        Map<String, String> p = info.properties();
        this.description = info.id() + " " + info.name() + " (compute " + p.get("compute capability") + ", "
                + p.get("multiprocessors") + " SMs, " + p.get("memory") + ", " + p.get("driver") + ")";
    }

    @Override
    public String runtime() {
        return "cuda";
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public long budget() {
        return options.cap(tableLimit());
    }

    @Override
    public long tableLimit() {
        return Math.max(1, Math.min(DEFAULT_LIMIT_MIB << 20, context.freeBytes() / 4));
    }

    @Override
    public long offsetAlignment() {
        return ALIGNMENT;
    }

    @Override
    public int maxGroupsY() {
        return MAX_GROUPS_Y;
    }

    /** Returns the context. */
    CudaContext context() {
        return context;
    }

    @Override
    public boolean cpu() {
        return false;
    }

    /** Returns false unless asked for serial crossing, which the shipped PTX (built for atomics) then refuses. */
    @Override
    public boolean serialSieveCrossing() {
        return options.serialSieveCrossing(false);
    }

    @Override
    public boolean blurPipeline() {
        return options.blurPipeline(false);
    }

    /**
     * Returns the kernel, loading its module here (PTX JIT, or NVRTC), outside any timing.
     *
     * @throws BackendException when {@code defines} differ from the values the shipped PTX was built with
     */
    @Override
    public DeviceFunction function(KernelSpec spec, Map<String, Integer> defines) {
        Map<String, String> built = CudaModules.defines(spec.module());
        defines.forEach((k, v) -> {
            if (!String.valueOf(v).equals(built.get(k))) {
                throw new BackendException("cuda: the shipped PTX of " + spec.module() + " was built with " + k + "="
                        + built.get(k) + ", not " + v + "; rebuild it with gpu/scripts/build-ptx.sh");
            }
        });
        context.function(spec);
        return new CudaFunction(spec);
    }

    @Override
    public long maxGroupSize(DeviceFunction function) {
        int[] v = new int[1];
        JCudaDriver.cuFuncGetAttribute(v, CUfunction_attribute.CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK,
                context.function(function.spec()));
        return v[0];
    }

    /**
     * Returns page-locked memory of the device's primary context that outlives this runtime ({@link CudaHostMemory}).
     */
    @Override
    public ByteBuffer hostMemory(long bytes) {
        return CudaHostMemory.allocate(context.ordinal(), bytes);
    }

    @Override
    public DeviceBuffer buffer(String what, DeviceBuffer.Access access) {
        return new CudaBuffer(this, what, access);
    }

    @Override
    public void launch(DeviceFunction function, int groupsX, int groupsY, int localX, int localY, Object... args) {
        function.spec().check(args);
        if (groupsX <= 0 || groupsY <= 0) {
            return;
        }
        NativePointerObject[] params = new NativePointerObject[args.length];
        for (int i = 0; i < args.length; i++) {
            Object v = args[i];
            if (v instanceof CudaBuffer b) {
                params[i] = Pointer.to(b.device(0));
            } else if (v instanceof DeviceBuffer.Slice s) {
                params[i] = Pointer.to(((CudaBuffer) s.buffer()).device(s.offset()));
            } else if (v instanceof Integer n) {
                params[i] = Pointer.to(new int[] {n});
            } else if (v instanceof Long n) {
                params[i] = Pointer.to(new long[] {n});
            } else {
                params[i] = Pointer.to(new float[] {(Float) v});
            }
        }
        // looked up before the start event: after a recovery this loads the module, which must not count as kernel time
        CUfunction f = context.function(function.spec());
        timed(Phase.KERNEL, () -> JCudaDriver.cuLaunchKernel(f, groupsX, groupsY, 1, localX, localY, 1, 0, stream(),
                Pointer.to(params), null));
    }

    /** Returns the stream of the current queue. */
    CUstream stream() {
        return context.stream(current);
    }

    /** Enqueues a copy or launch between two events, which {@link #endRun} turns into its phase's seconds. */
    void timed(Phase phase, Runnable enqueue) {
        forgetLostEvents();
        CUevent start = event();
        CUevent end = event();
        try {
            JCudaDriver.cuEventRecord(start, stream());
            enqueue.run();
            JCudaDriver.cuEventRecord(end, stream());
        } catch (RuntimeException e) {
            // the start event may be recorded on the stream: keep both for reuse after endRun's wait, not timed
            spare.add(start);
            spare.add(end);
            throw e;
        }
        timed.add(new Timed(phase, start, end));
    }

    private void forgetLostEvents() {
        if (eventGeneration != context.generation()) {
            // events of a destroyed context are gone with it
            timed.clear();
            spare.clear();
            markers.clear();
            eventGeneration = context.generation();
        }
    }

    private CUevent event() {
        if (!spare.isEmpty()) {
            return spare.remove(spare.size() - 1);
        }
        CUevent e = new CUevent();
        JCudaDriver.cuEventCreate(e, 0);
        return e;
    }

    @Override
    public void sync() {
        for (int q = 0; q < QUEUES; q++) {
            JCudaDriver.cuStreamSynchronize(context.stream(q));
        }
    }

    @Override
    public void queue(int q) {
        current = Device.checkQueue(q);
    }

    @Override
    public int queue() {
        return current;
    }

    @Override
    public DeviceEvent mark() {
        forgetLostEvents();
        CUevent e = event();
        JCudaDriver.cuEventRecord(e, stream());
        markers.add(e);
        return new Marker(current, e);
    }

    @Override
    public void await(DeviceEvent event) {
        JCudaDriver.cuStreamWaitEvent(stream(), ((Marker) event).event(), 0);
    }

    @Override
    public void hostWait(DeviceEvent event) {
        JCudaDriver.cuEventSynchronize(((Marker) event).event());
    }

    @Override
    public void beginRun() {
        forgetLostEvents();
        for (Timed t : timed) {
            spare.add(t.start());
            spare.add(t.end());
        }
        timed.clear();
        spare.addAll(markers);
        markers.clear();
        current = 0;
        phases.reset();
    }

    @Override
    public Map<Phase, Double> endRun() {
        sync();
        float[] ms = new float[1];
        for (Timed t : timed) {
            JCudaDriver.cuEventElapsedTime(ms, t.start(), t.end());
            phases.add(t.phase(), ms[0] / 1000.0);
            spare.add(t.start());
            spare.add(t.end());
        }
        timed.clear();
        spare.addAll(markers);
        markers.clear();
        current = 0;
        return phases.snapshot();
    }

    @Override
    public <T> T guard(String operation, Supplier<T> work) {
        return context.guard(operation, work);
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
