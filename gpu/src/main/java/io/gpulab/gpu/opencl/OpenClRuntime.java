package io.gpulab.gpu.opencl;

import static org.jocl.CL.CL_FALSE;
import static org.jocl.CL.CL_KERNEL_WORK_GROUP_SIZE;
import static org.jocl.CL.CL_PROFILING_COMMAND_END;
import static org.jocl.CL.CL_PROFILING_COMMAND_START;
import static org.jocl.CL.CL_QUEUE_PROFILING_ENABLE;
import static org.jocl.CL.clCreateCommandQueue;
import static org.jocl.CL.clCreateKernel;
import static org.jocl.CL.clEnqueueBarrierWithWaitList;
import static org.jocl.CL.clEnqueueMarkerWithWaitList;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clGetEventProfilingInfo;
import static org.jocl.CL.clGetKernelWorkGroupInfo;
import static org.jocl.CL.clReleaseCommandQueue;
import static org.jocl.CL.clReleaseEvent;
import static org.jocl.CL.clSetKernelArg;
import static org.jocl.CL.clWaitForEvents;

import io.gpulab.api.BackendException;
import io.gpulab.api.DeviceOutOfMemoryException;
import io.gpulab.api.Phase;
import io.gpulab.gpu.device.Device;
import io.gpulab.gpu.device.DeviceBuffer;
import io.gpulab.gpu.device.DeviceEvent;
import io.gpulab.gpu.device.DeviceFunction;
import io.gpulab.gpu.device.DeviceOptions;
import io.gpulab.gpu.device.KernelSpec;
import io.gpulab.gpu.device.Phases;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_event;
import org.jocl.cl_mem;

/**
 * The OpenCL implementation of {@link Device} on one device: two profiling in-order command queues whose events
 * give the phases (markers and barriers with wait lists order one queue after the other), the device's cached
 * programs, and a per-buffer budget of the smallest of {@code CL_DEVICE_MAX_MEM_ALLOC_SIZE}, a quarter of the global
 * memory (a launch holds at most four large buffers) and {@code device.maxBufferBytes}.
 */
final class OpenClRuntime implements Device {

    /**
     * One enqueued command whose device time counts towards a phase.
     *
     * @param phase the phase
     * @param event the command's event
     */
    private record Timed(Phase phase, cl_event event) {
    }

    /**
     * A marker's event on one queue.
     *
     * @param queue the queue
     * @param event the marker's event
     */
    private record Marker(int queue, cl_event event) implements DeviceEvent {
    }

    /** Returns the OpenCL event of a marker of this runtime (tests read its status). */
    static cl_event event(DeviceEvent marker) {
        return ((Marker) marker).event();
    }

    private final OpenClContext context;
    private final cl_command_queue[] queues = new cl_command_queue[QUEUES];
    private final List<cl_event> markers = new ArrayList<>();
    private int current;
    private final long limit;
    private final long budget;
    private final boolean serialSieveCrossing;
    private final boolean blurPipeline;
    private final Map<String, Double> compileSeconds = new LinkedHashMap<>();
    private final List<Timed> events = new ArrayList<>();
    private final Phases phases = new Phases();

    /** Opens the queues on the device with the options' cap on the per-buffer budget. */
    @SuppressWarnings("deprecation") // clCreateCommandQueue is the call every OpenCL 1.2 and later driver accepts
    OpenClRuntime(OpenClDevice device, DeviceOptions options) {
        this.context = OpenClContext.of(device);
        for (int q = 0; q < QUEUES; q++) {
            queues[q] = clCreateCommandQueue(context.context(), device.device(), CL_QUEUE_PROFILING_ENABLE, null);
        }
        this.limit = Math.min(device.maxAllocBytes(), device.globalMemBytes() / 4);
        this.budget = options.cap(limit);
        this.serialSieveCrossing = options.serialSieveCrossing(!device.gpu());
        this.blurPipeline = options.blurPipeline(!device.gpu());
    }

    @Override
    public boolean cpu() {
        return !context.device().gpu();
    }

    @Override
    public boolean serialSieveCrossing() {
        return serialSieveCrossing;
    }

    @Override
    public boolean blurPipeline() {
        return blurPipeline;
    }

    @Override
    public String runtime() {
        return "opencl";
    }

    @Override
    public String description() {
        OpenClDevice d = context.device();
        return d.info().name() + " (" + d.id() + ", " + d.info().properties().get("platform") + ", driver "
                + d.info().properties().get("driver version") + ")";
    }

    @Override
    public long budget() {
        return budget;
    }

    @Override
    public long tableLimit() {
        return limit;
    }

    @Override
    public long offsetAlignment() {
        return context.device().baseAlignBytes();
    }

    @Override
    public int maxGroupsY() {
        return Integer.MAX_VALUE;
    }

    /** Returns the device this runtime runs on. */
    OpenClDevice openClDevice() {
        return context.device();
    }

    /** Returns the OpenCL context handle. */
    cl_context context() {
        return context.context();
    }

    @Override
    public synchronized DeviceFunction function(KernelSpec spec, Map<String, Integer> defines) {
        StringBuilder options = new StringBuilder();
        defines.forEach((k, v) -> options.append(options.length() == 0 ? "" : " ").append("-D ").append(k)
                .append('=').append(v));
        OpenClContext.Program p = context.program(spec.source(), options.toString());
        compileSeconds.put(spec.source() + " " + options, p.coldBuildSeconds());
        return new OpenClFunction(spec, clCreateKernel(p.program(), spec.name(), null));
    }

    @Override
    public long maxGroupSize(DeviceFunction function) {
        long[] v = new long[1];
        clGetKernelWorkGroupInfo(((OpenClFunction) function).kernel(), context.device().device(),
                CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t, Pointer.to(v), null);
        return v[0];
    }

    /**
     * Returns a direct buffer: OpenCL reads and writes any host memory that does not move (on a discrete GPU the
     * driver may stage it once more in its own pinned memory; on a CPU device such as PoCL it reads it in place).
     */
    @Override
    public ByteBuffer hostMemory(long bytes) {
        if (bytes < 0 || bytes > Integer.MAX_VALUE - 8) {
            throw new DeviceOutOfMemoryException("opencl host memory", bytes, Integer.MAX_VALUE - 8);
        }
        try {
            return ByteBuffer.allocateDirect((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
        } catch (OutOfMemoryError e) {
            // the JVM's cap on direct memory (-XX:MaxDirectMemorySize, by default the heap's maximum)
            throw new DeviceOutOfMemoryException("opencl host memory (direct buffers)", bytes,
                    Runtime.getRuntime().maxMemory());
        }
    }

    @Override
    public DeviceBuffer buffer(String what, DeviceBuffer.Access access) {
        return new OpenClBuffer(this, what, access);
    }

    @Override
    public void launch(DeviceFunction function, int groupsX, int groupsY, int localX, int localY, Object... args) {
        function.spec().check(args);
        if (groupsX <= 0 || groupsY <= 0) {
            return;
        }
        OpenClFunction f = (OpenClFunction) function;
        for (int i = 0; i < args.length; i++) {
            Object v = args[i];
            if (v instanceof OpenClBuffer b) {
                clSetKernelArg(f.kernel(), i, Sizeof.cl_mem, Pointer.to(b.mem(0)));
            } else if (v instanceof DeviceBuffer.Slice s) {
                clSetKernelArg(f.kernel(), i, Sizeof.cl_mem, Pointer.to(((OpenClBuffer) s.buffer()).mem(s.offset())));
            } else if (v instanceof Integer n) {
                clSetKernelArg(f.kernel(), i, Sizeof.cl_int, Pointer.to(new int[] {n}));
            } else if (v instanceof Long n) {
                clSetKernelArg(f.kernel(), i, Sizeof.cl_long, Pointer.to(new long[] {n}));
            } else {
                clSetKernelArg(f.kernel(), i, Sizeof.cl_float, Pointer.to(new float[] {(Float) v}));
            }
        }
        long[] global = {(long) groupsX * localX, (long) groupsY * localY};
        long[] local = {localX, localY};
        cl_event e = new cl_event();
        clEnqueueNDRangeKernel(queues[current], f.kernel(), 2, null, global, local, 0, null, e);
        events.add(new Timed(Phase.KERNEL, e));
    }

    /** Enqueues a non-blocking copy from off-heap host memory to the start of a buffer. */
    void write(cl_mem mem, Pointer host, long bytes) {
        cl_event e = new cl_event();
        clEnqueueWriteBuffer(queues[current], mem, CL_FALSE, 0, bytes, host, 0, null, e);
        events.add(new Timed(Phase.UPLOAD, e));
    }

    /** Enqueues a non-blocking copy from a buffer to off-heap host memory. */
    void read(cl_mem mem, long offset, Pointer host, long bytes) {
        cl_event e = new cl_event();
        clEnqueueReadBuffer(queues[current], mem, CL_FALSE, offset, bytes, host, 0, null, e);
        events.add(new Timed(Phase.DOWNLOAD, e));
    }

    @Override
    public void sync() {
        for (cl_command_queue q : queues) {
            clFinish(q);
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
        cl_event e = new cl_event();
        clEnqueueMarkerWithWaitList(queues[current], 0, null, e);
        markers.add(e);
        return new Marker(current, e);
    }

    @Override
    public void await(DeviceEvent event) {
        clEnqueueBarrierWithWaitList(queues[current], 1, new cl_event[] {((Marker) event).event()}, null);
    }

    @Override
    public void hostWait(DeviceEvent event) {
        clWaitForEvents(1, new cl_event[] {((Marker) event).event()});
    }

    @Override
    public void beginRun() {
        events.forEach(t -> clReleaseEvent(t.event()));
        events.clear();
        markers.forEach(CL::clReleaseEvent);
        markers.clear();
        current = 0;
        phases.reset();
    }

    @Override
    public Map<Phase, Double> endRun() {
        sync();
        long[] start = new long[1];
        long[] end = new long[1];
        for (Timed t : events) {
            clGetEventProfilingInfo(t.event(), CL_PROFILING_COMMAND_START, Sizeof.cl_ulong, Pointer.to(start), null);
            clGetEventProfilingInfo(t.event(), CL_PROFILING_COMMAND_END, Sizeof.cl_ulong, Pointer.to(end), null);
            phases.add(t.phase(), (end[0] - start[0]) / 1e9);
            clReleaseEvent(t.event());
        }
        events.clear();
        markers.forEach(CL::clReleaseEvent);
        markers.clear();
        current = 0;
        return phases.snapshot();
    }

    @Override
    public <T> T guard(String operation, Supplier<T> work) {
        try {
            return work.get();
        } catch (CLException e) {
            settle();
            throw new BackendException("opencl: " + operation + " failed on " + context.device().id() + ": "
                    + CL.stringFor_errorCode(e.getStatus()), e);
        } catch (RuntimeException | Error e) {
            settle();
            throw e;
        }
    }

    /**
     * Waits for both queues after a failed job, so that no copy it enqueued still writes into the caller's memory
     * and no kernel still reads a buffer a close is about to release; a queue that fails to finish is left to the
     * failure already on its way.
     */
    private void settle() {
        for (cl_command_queue q : queues) {
            try {
                clFinish(q);
            } catch (CLException ignored) {
                // the job's own failure is the one to report
            }
        }
    }

    /**
     * Returns the one-off {@code compile} seconds: the cold build time of every program this runtime used, even
     * when the build happened earlier in the process (the probe builds them all), since it is paid once.
     */
    @Override
    public synchronized Map<Phase, Double> setupPhases() {
        return Map.of(Phase.COMPILE, compileSeconds.values().stream().mapToDouble(Double::doubleValue).sum());
    }

    @Override
    public void close() {
        beginRun();
        for (cl_command_queue q : queues) {
            clReleaseCommandQueue(q);
        }
    }
}
