package io.gpulab.gpu;

import io.gpulab.api.Phase;
import io.gpulab.gpu.device.Device;
import io.gpulab.gpu.device.DeviceBuffer;
import io.gpulab.gpu.device.DeviceEvent;
import io.gpulab.gpu.device.DeviceFunction;
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
 *
 * <p>It also fails with an {@link AssertionError} where the host code takes a buffer's staging area back
 * ({@link DeviceBuffer#host}) while a copy from or into it may still run, before the host waited ({@link #sync},
 * {@link #hostWait} of a marker after the copy, the end of the run), even when the wrapped device (PoCL) would happen
 * to give the right bytes.
 */
public final class RecordingDevice implements Device {

    /**
     * A marker of the wrapped device, with its position in the queue.
     *
     * @param queue the queue, 0
     * @param seq the number of commands enqueued before it
     * @param inner the wrapped device's event
     */
    private record Marker(int queue, long seq, DeviceEvent inner) implements DeviceEvent {
    }

    private final Device inner;
    private final int maxGroupsY;
    private final long alignment;
    private final long budget;
    private final List<String> ops = new ArrayList<>();
    /** Commands enqueued so far. */
    private long seq;
    /** The commands the host waited for. */
    private long hostSeen;

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
     * {@code download <what>}, {@code sync}, {@code mark}, {@code host wait q0}.
     */
    public List<String> ops() {
        return List.copyOf(ops);
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
        seq++;
        ops.add("launch " + function.spec().name());
        inner.launch(function, groupsX, groupsY, localX, localY, unwrapped);
    }

    @Override
    public void sync() {
        ops.add("sync");
        inner.sync();
        hostSeen = seq;
    }

    @Override
    public DeviceEvent mark() {
        ops.add("mark");
        return new Marker(0, seq, inner.mark());
    }

    @Override
    public void hostWait(DeviceEvent event) {
        Marker m = (Marker) event;
        ops.add("host wait q" + m.queue());
        inner.hostWait(m.inner());
        hostSeen = Math.max(hostSeen, m.seq());
    }

    @Override
    public void beginRun() {
        ops.clear();
        inner.beginRun();
        hostSeen = seq;
    }

    @Override
    public Map<Phase, Double> endRun() {
        Map<Phase, Double> phases = inner.endRun();
        hostSeen = seq;
        return phases;
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
        /** The position of the last copy through the staging area; 0 for none. */
        private long stagingSeq;

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
            if (hostSeen < stagingSeq) {
                throw new AssertionError("the staging area of " + what + " is reused before its copy finished: "
                        + ops);
            }
            return inner.host();
        }

        @Override
        public void upload(long bytes) {
            stagingSeq = ++seq;
            ops.add("upload " + what);
            inner.upload(bytes);
        }

        @Override
        public void download(long offset, long bytes) {
            stagingSeq = ++seq;
            ops.add("download " + what);
            inner.download(offset, bytes);
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
