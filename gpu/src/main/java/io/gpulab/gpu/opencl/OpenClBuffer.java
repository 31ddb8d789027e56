package io.gpulab.gpu.opencl;

import static org.jocl.CL.clReleaseMemObject;

import org.jocl.cl_mem;

/**
 * A device buffer that a kernel keeps across runs: reallocated (contents lost) only when a run needs more bytes
 * than it holds, released on close. Runs of similar shapes then allocate nothing, which matters on devices where
 * allocation is slow or fragments memory, and for benchmarks that time many runs of one kernel.
 */
final class OpenClBuffer implements AutoCloseable {

    private final OpenClQueue queue;
    private final long flags;
    private cl_mem mem;
    private long capacity;

    /** Creates an empty buffer that will be allocated with these {@code CL_MEM_*} flags. */
    OpenClBuffer(OpenClQueue queue, long flags) {
        this.queue = queue;
        this.flags = flags;
    }

    /** Returns a buffer of at least {@code bytes} (at least one), reallocating when the current one is smaller. */
    cl_mem ensure(long bytes) {
        long want = Math.max(1, bytes);
        if (mem == null || want > capacity) {
            release();
            mem = queue.buffer(flags, want);
            capacity = want;
        }
        return mem;
    }

    /** Returns the bytes the buffer now holds; 0 before the first {@link #ensure} and after {@link #close}. */
    long capacity() {
        return capacity;
    }

    private void release() {
        if (mem != null) {
            clReleaseMemObject(mem);
            mem = null;
            capacity = 0;
        }
    }

    /** Releases the device memory; the buffer may be used again, allocating anew. */
    @Override
    public void close() {
        release();
    }
}
