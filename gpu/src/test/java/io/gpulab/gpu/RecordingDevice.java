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
 * Wraps a real device and records, in order, what the shared host code asks of it (uploads, launches, downloads,
 * markers and waits), so that a test can check the host logic's order of work; it may report a smaller
 * second-dimension grid limit and a coarser offset alignment than the wrapped device, as CUDA has, so that the host
 * code's handling of those limits runs on PoCL, and a smaller per-buffer budget, so that work splits into many
 * launches. Everything else, results included, comes from the wrapped device.
 *
 * <p>It also checks the ordering rules of {@link Device} as a model of two in-order queues, failing with an
 * {@link AssertionError} where the host code breaks one, even when the wrapped device (PoCL runs a queue's commands
 * one after the other) would happen to give the right bytes:
 * <ul>
 *   <li>a buffer written on one queue (an upload, a launch that may write it) and used on the other before that
 *   queue {@link #await awaited} an event {@link #mark marked} after the write (or the host waited for it);</li>
 *   <li>a buffer written while the other queue may still read it;</li>
 *   <li>a buffer's staging area taken back ({@link DeviceBuffer#host}) while a copy from or into it may still run,
 *   before the host waited ({@link #sync}, {@link #hostWait}, the end of the run).</li>
 * </ul>
 * Buffers of {@link DeviceBuffer.Access#IN} are taken as read by launches, every other buffer as written.
 */
public final class RecordingDevice implements Device {

    /**
     * A marker of the wrapped device, with the position in its queue.
     *
     * @param queue the queue
     * @param seq the number of commands on that queue before it
     * @param inner the wrapped device's event
     */
    private record Marker(int queue, long seq, DeviceEvent inner) implements DeviceEvent {
    }

    private final Device inner;
    private final int maxGroupsY;
    private final long alignment;
    private final long budget;
    private final List<String> ops = new ArrayList<>();
    private final List<ByteBuffer> directHosts = new ArrayList<>();
    /** Commands enqueued on each queue so far. */
    private final long[] seq = new long[QUEUES];
    /** {@code seen[q][p]}: the commands of queue p that queue q is ordered after. */
    private final long[][] seen = new long[QUEUES][QUEUES];
    /** The commands of each queue the host waited for. */
    private final long[] hostSeen = new long[QUEUES];
    private int current;
    /** Whether to report a GPU (true) or a CPU device (false) in place of the wrapped device's kind; null for its. */
    private Boolean gpu;

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
     * {@code download <what>}, {@code sync}... with {@code " q1"} after those enqueued on queue 1.
     */
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

    /**
     * Makes the device report itself as a GPU ({@link #cpu} false, {@link #blurPipeline} true) or as a CPU device
     * (the reverse) whatever it wraps, so that the host code's choices for either kind run on PoCL.
     */
    public RecordingDevice reportAsGpu(boolean asGpu) {
        this.gpu = asGpu;
        return this;
    }

    private void op(String what) {
        ops.add(current == 0 ? what : what + " q" + current);
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
        return gpu == null ? inner.cpu() : !gpu;
    }

    @Override
    public boolean blurPipeline() {
        return gpu == null ? inner.blurPipeline() : gpu;
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
        return new Recorded(inner.buffer(what, access), what, access);
    }

    @Override
    public void launch(DeviceFunction function, int groupsX, int groupsY, int localX, int localY, Object... args) {
        if (groupsY > maxGroupsY) {
            throw new AssertionError("launch of " + groupsY + " groups in y exceeds the reported limit " + maxGroupsY);
        }
        Object[] unwrapped = new Object[args.length];
        List<Recorded> used = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Recorded r) {
                unwrapped[i] = r.inner;
                used.add(r);
            } else if (a instanceof DeviceBuffer.Slice s) {
                if (s.offset() % alignment != 0) {
                    throw new AssertionError("offset " + s.offset() + " breaks the alignment " + alignment);
                }
                unwrapped[i] = new DeviceBuffer.Slice(((Recorded) s.buffer()).inner, s.offset());
                used.add((Recorded) s.buffer());
            } else {
                unwrapped[i] = a;
            }
        }
        String name = "launch " + function.spec().name();
        seq[current]++;
        for (Recorded r : used) {
            r.use(name, r.access != DeviceBuffer.Access.IN);
        }
        op(name);
        inner.launch(function, groupsX, groupsY, localX, localY, unwrapped);
    }

    @Override
    public void sync() {
        ops.add("sync");
        inner.sync();
        allDone();
    }

    /** Records that every enqueued command finished: the host waited for all of them. */
    private void allDone() {
        System.arraycopy(seq, 0, hostSeen, 0, QUEUES);
        for (long[] s : seen) {
            System.arraycopy(seq, 0, s, 0, QUEUES);
        }
    }

    @Override
    public void queue(int q) {
        inner.queue(q);
        current = q;
    }

    @Override
    public int queue() {
        return current;
    }

    @Override
    public DeviceEvent mark() {
        op("mark");
        return new Marker(current, seq[current], inner.mark());
    }

    @Override
    public void await(DeviceEvent event) {
        Marker m = (Marker) event;
        op("await q" + m.queue());
        seen[current][m.queue()] = Math.max(seen[current][m.queue()], m.seq());
        inner.await(m.inner());
    }

    @Override
    public void hostWait(DeviceEvent event) {
        Marker m = (Marker) event;
        ops.add("host wait q" + m.queue());
        inner.hostWait(m.inner());
        hostSeen[m.queue()] = Math.max(hostSeen[m.queue()], m.seq());
        // whatever the host enqueues from now on comes after what it waited for
        for (long[] s : seen) {
            s[m.queue()] = Math.max(s[m.queue()], m.seq());
        }
    }

    @Override
    public void beginRun() {
        ops.clear();
        directHosts.clear();
        inner.beginRun();
        current = 0;
        allDone();
    }

    @Override
    public Map<Phase, Double> endRun() {
        Map<Phase, Double> phases = inner.endRun();
        current = 0;
        allDone();
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

    /** A buffer of the wrapped device whose transfers are recorded and whose uses are checked for order. */
    private final class Recorded implements DeviceBuffer {

        private final DeviceBuffer inner;
        private final String what;
        private final Access access;
        /** The queue and position of the last command that wrote the buffer; queue -1 for none. */
        private int writeQueue = -1;
        private long writeSeq;
        /** The position of the last command of each queue that read the buffer. */
        private final long[] readSeq = new long[QUEUES];
        /** The queue and position of the last copy through the staging area; queue -1 for none. */
        private int stagingQueue = -1;
        private long stagingSeq;

        Recorded(DeviceBuffer inner, String what, Access access) {
            this.inner = inner;
            this.what = what;
            this.access = access;
        }

        /** Checks and records a use of the buffer by the command just counted on the current queue. */
        void use(String command, boolean writes) {
            int q = current;
            if (writeQueue >= 0 && writeQueue != q && seen[q][writeQueue] < writeSeq) {
                throw new AssertionError(command + " on queue " + q + " uses " + what + " while its write on queue "
                        + writeQueue + " may still run: " + ops);
            }
            if (writes) {
                for (int p = 0; p < QUEUES; p++) {
                    if (p != q && seen[q][p] < readSeq[p]) {
                        throw new AssertionError(command + " on queue " + q + " writes " + what + " while queue "
                                + p + " may still read it: " + ops);
                    }
                }
                writeQueue = q;
                writeSeq = seq[q];
            } else {
                readSeq[q] = seq[q];
            }
        }

        private void staged() {
            stagingQueue = current;
            stagingSeq = seq[current];
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
            if (stagingQueue >= 0 && hostSeen[stagingQueue] < stagingSeq) {
                throw new AssertionError("the staging area of " + what + " is reused before its copy on queue "
                        + stagingQueue + " finished: " + ops);
            }
            return inner.host();
        }

        @Override
        public void upload(long bytes) {
            seq[current]++;
            use("upload " + what, true);
            staged();
            op("upload " + what);
            inner.upload(bytes);
        }

        @Override
        public void download(long offset, long bytes) {
            seq[current]++;
            use("download " + what, false);
            staged();
            op("download " + what);
            inner.download(offset, bytes);
        }

        @Override
        public void upload(ByteBuffer from, long hostOffset, long bytes) {
            seq[current]++;
            use("upload " + what, true);
            op("upload " + what + " direct");
            directHosts.add(from);
            inner.upload(from, hostOffset, bytes);
        }

        @Override
        public void download(long offset, long bytes, ByteBuffer to, long hostOffset) {
            seq[current]++;
            use("download " + what, false);
            op("download " + what + " direct");
            directHosts.add(to);
            inner.download(offset, bytes, to, hostOffset);
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
