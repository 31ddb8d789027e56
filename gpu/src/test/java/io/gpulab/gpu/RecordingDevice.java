package io.gpulab.gpu;

import io.gpulab.api.Phase;
import io.gpulab.gpu.device.Device;
import io.gpulab.gpu.device.DeviceBuffer;
import io.gpulab.gpu.device.DeviceFunction;
import io.gpulab.gpu.device.Fence;
import io.gpulab.gpu.device.KernelSpec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wraps a real device and records, in order, what the shared host code asks of it (uploads, launches, downloads and
 * waits), so that a test can check the host logic's order of work; it may report a smaller second-dimension grid
 * limit and a coarser offset alignment than the wrapped device, as CUDA has, so that the host code's handling of
 * those limits runs on PoCL, and a smaller per-buffer budget, so that work splits into many launches. Everything
 * else, results included, comes from the wrapped device.
 */
public final class RecordingDevice implements Device {

    private final Device inner;
    private final int maxGroupsY;
    private final long alignment;
    private final long budget;
    private final List<String> ops = new ArrayList<>();
    private final List<String> trace = new ArrayList<>();
    private int fences;

    /** Wraps the device, reporting these limits where they are tighter than its own. */
    public RecordingDevice(Device inner, int maxGroupsY, long alignment) {
        this(inner, maxGroupsY, alignment, Long.MAX_VALUE);
    }

    /** Wraps the device, reporting these limits and this per-buffer budget where they are tighter than its own. */
    public RecordingDevice(Device inner, int maxGroupsY, long alignment, long budget) {
        this.inner = inner;
        this.maxGroupsY = Math.min(maxGroupsY, inner.maxGroupsY());
        this.alignment = Math.max(alignment, inner.offsetAlignment());
        this.budget = Math.min(budget, inner.budget());
    }

    /**
     * Returns the operations since the last {@link #beginRun}: {@code upload <what>}, {@code launch <kernel>},
     * {@code download <what>}, {@code sync}, {@code fence <n>} and {@code await <n>} (fences numbered from 1 per
     * device).
     */
    public List<String> ops() {
        return List.copyOf(ops);
    }

    /** Returns the {@link #ops} with each access to a buffer's staging area, {@code host <what>}, in its place. */
    public List<String> trace() {
        return List.copyOf(trace);
    }

    private void record(String op) {
        ops.add(op);
        trace.add(op);
    }

    @Override
    public String runtime() {
        return inner.runtime();
    }

    @Override
    public String description() {
        return inner.description();
    }

    @Override
    public long budget() {
        return budget;
    }

    @Override
    public long tableLimit() {
        return inner.tableLimit();
    }

    @Override
    public long offsetAlignment() {
        return alignment;
    }

    @Override
    public boolean cpu() {
        return inner.cpu();
    }

    @Override
    public boolean serialSieveCrossing() {
        return inner.serialSieveCrossing();
    }

    @Override
    public int maxGroupsY() {
        return maxGroupsY;
    }

    @Override
    public DeviceFunction function(KernelSpec spec, Map<String, Integer> defines) {
        return inner.function(spec, defines);
    }

    @Override
    public long maxGroupSize(DeviceFunction function) {
        return inner.maxGroupSize(function);
    }

    @Override
    public DeviceBuffer buffer(String what, DeviceBuffer.Access access) {
        return new Recorded(inner.buffer(what, access), what);
    }

    @Override
    public void launch(DeviceFunction function, int groupsX, int groupsY, int localX, int localY, Object... args) {
        if (groupsY > maxGroupsY) {
            throw new AssertionError("launch of " + groupsY + " groups in y exceeds the reported limit " + maxGroupsY);
        }
        Object[] unwrapped = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Recorded r) {
                unwrapped[i] = r.inner;
            } else if (a instanceof DeviceBuffer.Slice s) {
                if (s.offset() % alignment != 0) {
                    throw new AssertionError("offset " + s.offset() + " breaks the alignment " + alignment);
                }
                unwrapped[i] = new DeviceBuffer.Slice(((Recorded) s.buffer()).inner, s.offset());
            } else {
                unwrapped[i] = a;
            }
        }
        record("launch " + function.spec().name());
        inner.launch(function, groupsX, groupsY, localX, localY, unwrapped);
    }

    @Override
    public void sync() {
        record("sync");
        inner.sync();
    }

    @Override
    public Fence fence() {
        int id = ++fences;
        record("fence " + id);
        Fence f = inner.fence();
        return () -> {
            record("await " + id);
            f.await();
        };
    }

    @Override
    public void beginRun() {
        ops.clear();
        trace.clear();
        inner.beginRun();
    }

    @Override
    public Map<Phase, Double> endRun() {
        return inner.endRun();
    }

    @Override
    public <T> T guard(String operation, Supplier<T> work) {
        return inner.guard(operation, work);
    }

    @Override
    public Map<Phase, Double> setupPhases() {
        return inner.setupPhases();
    }

    @Override
    public void close() {
        inner.close();
    }

    /** A buffer of the wrapped device whose transfers are recorded. */
    private final class Recorded implements DeviceBuffer {

        private final DeviceBuffer inner;
        private final String what;

        Recorded(DeviceBuffer inner, String what) {
            this.inner = inner;
            this.what = what;
        }

        @Override
        public boolean ensure(long bytes) {
            return inner.ensure(bytes);
        }

        @Override
        public long capacity() {
            return inner.capacity();
        }

        @Override
        public ByteBuffer host() {
            trace.add("host " + what);
            return inner.host();
        }

        @Override
        public void upload(long bytes) {
            record("upload " + what);
            inner.upload(bytes);
        }

        @Override
        public void download(long offset, long bytes) {
            record("download " + what);
            inner.download(offset, bytes);
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
