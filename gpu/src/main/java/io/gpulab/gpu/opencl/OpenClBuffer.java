package io.gpulab.gpu.opencl;

import static org.jocl.CL.CL_BUFFER_CREATE_TYPE_REGION;
import static org.jocl.CL.CL_MEM_OBJECT_ALLOCATION_FAILURE;
import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;
import static org.jocl.CL.CL_OUT_OF_RESOURCES;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clCreateSubBuffer;
import static org.jocl.CL.clReleaseMemObject;

import io.gpulab.api.BackendException;
import io.gpulab.api.DeviceOutOfMemoryException;
import io.gpulab.gpu.device.DeviceBuffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.cl_buffer_region;
import org.jocl.cl_mem;

/**
 * An OpenCL buffer with a direct (off-heap) staging buffer of the same capacity, which its non-blocking copies
 * read and write: a direct buffer does not move, so the copy may run while the host goes on enqueueing. The direct
 * copies ({@link #upload(ByteBuffer, long, long)}, {@link #download(long, long, ByteBuffer, long)}) read and write
 * the caller's direct memory instead, such as a direct image's, with no staging copy.
 * Offsets into it ({@link #at}) become sub-buffers, made once per offset and released with the buffer.
 */
final class OpenClBuffer implements DeviceBuffer {

    private final OpenClRuntime runtime;
    private final String what;
    private final Access access;
    private final Map<Long, cl_mem> slices = new HashMap<>();
    private cl_mem mem;
    private ByteBuffer host;
    private long capacity;

    /** Creates an empty buffer of this runtime. */
    OpenClBuffer(OpenClRuntime runtime, String what, Access access) {
        this.runtime = runtime;
        this.what = what;
        this.access = access;
    }

    @Override
    public boolean ensure(long bytes) {
        long want = Math.max(1, bytes);
        if (mem != null && want <= capacity) {
            return false;
        }
        release();
        long limit = runtime.openClDevice().maxAllocBytes();
        if (want > limit || access != Access.SCRATCH && want > Integer.MAX_VALUE - 8) {
            throw new DeviceOutOfMemoryException("opencl " + what, want, Math.min(limit, Integer.MAX_VALUE - 8));
        }
        long flags = switch (access) {
            case IN -> CL_MEM_READ_ONLY;
            case OUT -> CL_MEM_WRITE_ONLY;
            case SCRATCH -> CL_MEM_READ_WRITE;
        };
        try {
            mem = clCreateBuffer(runtime.context(), flags, want, null, null);
        } catch (CLException e) {
            if (e.getStatus() == CL_MEM_OBJECT_ALLOCATION_FAILURE || e.getStatus() == CL_OUT_OF_RESOURCES) {
                throw new DeviceOutOfMemoryException("opencl " + what, want, limit);
            }
            throw e;
        }
        if (access != Access.SCRATCH) {
            host = ByteBuffer.allocateDirect((int) want).order(ByteOrder.LITTLE_ENDIAN);
        }
        capacity = want;
        return true;
    }

    @Override
    public long capacity() {
        return capacity;
    }

    @Override
    public ByteBuffer host() {
        if (host == null) {
            throw new BackendException("opencl " + what + " has no host staging");
        }
        return host.duplicate().order(ByteOrder.LITTLE_ENDIAN).clear();
    }

    @Override
    public void upload(long bytes) {
        if (bytes > 0) {
            runtime.write(mem, Pointer.to(host), bytes);
        }
    }

    @Override
    public void download(long offset, long bytes) {
        if (bytes > 0) {
            runtime.read(mem, offset, Pointer.to(host).withByteOffset(offset), bytes);
        }
    }

    @Override
    public void upload(ByteBuffer from, long hostOffset, long bytes) {
        DeviceBuffer.checkHost("opencl " + what, from, hostOffset, bytes);
        if (bytes > 0) {
            runtime.write(mem, Pointer.to(from.duplicate().clear()).withByteOffset(hostOffset), bytes);
        }
    }

    @Override
    public void download(long offset, long bytes, ByteBuffer to, long hostOffset) {
        DeviceBuffer.checkHost("opencl " + what, to, hostOffset, bytes);
        if (bytes > 0) {
            runtime.read(mem, offset, Pointer.to(to.duplicate().clear()).withByteOffset(hostOffset), bytes);
        }
    }

    /** Returns the memory object an argument pointing {@code offset} bytes in stands for. */
    cl_mem mem(long offset) {
        if (offset == 0) {
            return mem;
        }
        return slices.computeIfAbsent(offset, o -> clCreateSubBuffer(mem, 0, CL_BUFFER_CREATE_TYPE_REGION,
                new cl_buffer_region(o, capacity - o), null));
    }

    private void release() {
        slices.values().forEach(org.jocl.CL::clReleaseMemObject);
        slices.clear();
        if (mem != null) {
            clReleaseMemObject(mem);
            mem = null;
        }
        host = null;
        capacity = 0;
    }

    @Override
    public void close() {
        release();
    }
}
