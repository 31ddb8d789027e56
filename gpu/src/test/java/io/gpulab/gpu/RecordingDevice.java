package io.gpulab.gpu;

import io.gpulab.api.Phase;
import io.gpulab.gpu.device.Device;
import io.gpulab.gpu.device.DeviceBuffer;
import io.gpulab.gpu.device.DeviceFunction;
import io.gpulab.gpu.device.KernelSpec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Wraps a real device and records, in order, what the shared host code asks of it (uploads, launches, downloads and
 * waits), so that a test can check the host logic's order of work; it may report a smaller second-dimension grid
 * limit and a coarser offset alignment than the wrapped device, as CUDA has, so that the host code's handling of
 * those limits runs on PoCL. Everything else, results included, comes from the wrapped device. It fails (an
 * {@link AssertionError}) when the host code takes a buffer's staging area back while a copy from or into it may
 * still be running, that is before a {@link #sync} or the end of the run.
 */
public final class RecordingDevice implements Device {

    private final Device inner;
    private final int maxGroupsY;
    private final long alignment;
    private final List<String> ops = new ArrayList<>();
    private final List<ByteBuffer> directHosts = new ArrayList<>();
    private final Set<String> inFlight = new HashSet<>();

    /** Wraps the device, reporting these limits where they are tighter than its own. */
    public RecordingDevice(Device inner, int maxGroupsY, long alignment) {
        this.inner = inner;
        this.maxGroupsY = Math.min(maxGroupsY, inner.maxGroupsY());
        this.alignment = Math.max(alignment, inner.offsetAlignment());
    }

    /** Returns the operations since the last {@link #beginRun}: {@code upload <what>}, {@code launch <kernel>}... */
    public List<String> ops() {
        return List.copyOf(ops);
    }

    /**
     * Returns the host memory of every direct copy since the last {@link #beginRun}, in order: views of the very
     * memory the runtime read or wrote, so that a test can tell whose memory it was.
     */
    public List<ByteBuffer> directHosts() {
        return List.copyOf(directHosts);
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
        return inner.budget();
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
    public ByteBuffer hostMemory(long bytes) {
        ops.add("host memory " + bytes);
        return inner.hostMemory(bytes);
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
        ops.add("launch " + function.spec().name());
        inner.launch(function, groupsX, groupsY, localX, localY, unwrapped);
    }

    @Override
    public void sync() {
        ops.add("sync");
        inner.sync();
        inFlight.clear();
    }

    @Override
    public void beginRun() {
        ops.clear();
        directHosts.clear();
        inFlight.clear();
        inner.beginRun();
    }

    @Override
    public Map<Phase, Double> endRun() {
        inFlight.clear();
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

        /** Fails when the staging area is handed out while a copy of it may still run: the host would overwrite it. */
        @Override
        public ByteBuffer host() {
            if (inFlight.contains(what)) {
                throw new AssertionError("the staging area of " + what + " is reused before its copy finished: "
                        + ops);
            }
            return inner.host();
        }

        @Override
        public void upload(long bytes) {
            ops.add("upload " + what);
            inFlight.add(what);
            inner.upload(bytes);
        }

        @Override
        public void download(long offset, long bytes) {
            ops.add("download " + what);
            inFlight.add(what);
            inner.download(offset, bytes);
        }

        @Override
        public void upload(ByteBuffer from, long hostOffset, long bytes) {
            ops.add("upload " + what + " direct");
            directHosts.add(from);
            inner.upload(from, hostOffset, bytes);
        }

        @Override
        public void download(long offset, long bytes, ByteBuffer to, long hostOffset) {
            ops.add("download " + what + " direct");
            directHosts.add(to);
            inner.download(offset, bytes, to, hostOffset);
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
