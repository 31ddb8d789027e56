package io.gpulab.gpu.opencl;

import static org.jocl.CL.CL_PROFILING_COMMAND_END;
import static org.jocl.CL.CL_PROFILING_COMMAND_START;
import static org.jocl.CL.CL_QUEUE_PROFILING_ENABLE;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clCreateCommandQueue;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clGetEventProfilingInfo;
import static org.jocl.CL.clReleaseCommandQueue;
import static org.jocl.CL.clReleaseEvent;
import static org.jocl.CL.clSetKernelArg;

import io.gpulab.api.BackendException;
import io.gpulab.api.Phase;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_event;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * A profiling command queue of one backend: enqueues uploads, launches and downloads, each with an event, and
 * sums the device-side durations of the events of one run into the phases upload, kernel and download.
 */
final class OpenClQueue implements AutoCloseable {

    private static final Phase[] PHASES = {Phase.UPLOAD, Phase.KERNEL, Phase.DOWNLOAD};

    private final OpenClContext context;
    private final cl_command_queue queue;
    private final List<List<cl_event>> events = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());

    /** Creates an in-order queue with profiling enabled on the context's device. */
    @SuppressWarnings("deprecation") // clCreateCommandQueue is the call every OpenCL 1.2 and later driver accepts
    OpenClQueue(OpenClContext context) {
        this.context = context;
        this.queue = clCreateCommandQueue(context.context(), context.device().device(), CL_QUEUE_PROFILING_ENABLE,
                null);
    }

    /** Allocates a device buffer of at least one byte with these flags. */
    cl_mem buffer(long flags, long bytes) {
        return clCreateBuffer(context.context(), flags, Math.max(1, bytes), null, null);
    }

    /** Copies {@code bytes} bytes from host memory to the buffer at {@code offset}, blocking; none for 0. */
    void write(cl_mem mem, long offset, Pointer host, long bytes) {
        if (bytes > 0) {
            cl_event e = new cl_event();
            clEnqueueWriteBuffer(queue, mem, CL_TRUE, offset, bytes, host, 0, null, e);
            events.get(0).add(e);
        }
    }

    /** Copies {@code bytes} bytes from the buffer at {@code offset} to host memory, blocking; none for 0. */
    void read(cl_mem mem, long offset, Pointer host, long bytes) {
        if (bytes > 0) {
            cl_event e = new cl_event();
            clEnqueueReadBuffer(queue, mem, CL_TRUE, offset, bytes, host, 0, null, e);
            events.get(2).add(e);
        }
    }

    /** Enqueues a kernel over these global and local sizes (global rounded up by the caller). */
    void launch(cl_kernel kernel, long[] global, long[] local) {
        cl_event e = new cl_event();
        clEnqueueNDRangeKernel(queue, kernel, global.length, null, global, local, 0, null, e);
        events.get(1).add(e);
    }

    /** Sets the kernel's arguments in order: {@code cl_mem}, {@code Integer} (32 bits), {@code Long} (64 bits). */
    static void args(cl_kernel kernel, Object... values) {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof cl_mem m) {
                clSetKernelArg(kernel, i, Sizeof.cl_mem, Pointer.to(m));
            } else if (v instanceof Integer n) {
                clSetKernelArg(kernel, i, Sizeof.cl_int, Pointer.to(new int[] {n}));
            } else if (v instanceof Long n) {
                clSetKernelArg(kernel, i, Sizeof.cl_long, Pointer.to(new long[] {n}));
            } else {
                throw new BackendException("unsupported kernel argument type " + v.getClass().getName());
            }
        }
    }

    /** Forgets the events of an earlier run. */
    void beginRun() {
        for (List<cl_event> list : events) {
            list.forEach(org.jocl.CL::clReleaseEvent);
            list.clear();
        }
    }

    /** Waits for the queue, sums each phase's event durations into seconds and releases the events. */
    Map<Phase, Double> endRun() {
        clFinish(queue);
        Map<Phase, Double> phases = new EnumMap<>(Phase.class);
        long[] start = new long[1];
        long[] end = new long[1];
        for (int p = 0; p < PHASES.length; p++) {
            long ns = 0;
            for (cl_event e : events.get(p)) {
                clGetEventProfilingInfo(e, CL_PROFILING_COMMAND_START, Sizeof.cl_ulong, Pointer.to(start), null);
                clGetEventProfilingInfo(e, CL_PROFILING_COMMAND_END, Sizeof.cl_ulong, Pointer.to(end), null);
                ns += end[0] - start[0];
                clReleaseEvent(e);
            }
            events.get(p).clear();
            phases.put(PHASES[p], ns / 1e9);
        }
        return java.util.Collections.unmodifiableMap(phases);
    }

    @Override
    public void close() {
        beginRun();
        clReleaseCommandQueue(queue);
    }
}
