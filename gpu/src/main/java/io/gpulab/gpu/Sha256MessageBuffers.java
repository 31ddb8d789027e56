package io.gpulab.gpu;

import io.gpulab.gpu.device.Device;
import io.gpulab.gpu.device.DeviceBuffer;
import io.gpulab.gpu.device.DeviceFunction;
import io.gpulab.gpu.device.DeviceEvent;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.util.List;

/**
 * One set of buffers for a launch of given messages (packed bytes, 64-bit offsets, 32-bit lengths, 32-byte digests)
 * and the launch in flight on it. {@link Sha256Gpu} keeps two sets and alternates: it packs launch k + 1 into one set
 * while the device hashes launch k from the other, and before packing a set again it waits
 * ({@link Device#hostWait}) for that set's previous launch alone, whose upload has then left the staging areas and
 * whose digests have arrived.
 */
final class Sha256MessageBuffers implements AutoCloseable {

    private final Device device;
    private final DeviceBuffer data;
    private final DeviceBuffer offsets;
    private final DeviceBuffer lengths;
    private final DeviceBuffer out;
    private DeviceEvent inFlight;
    private int from;
    private int to;

    /** Creates the set over these buffers, {@code out} staged for download. */
    Sha256MessageBuffers(Device device, DeviceBuffer data, DeviceBuffer offsets, DeviceBuffer lengths,
            DeviceBuffer out) {
        this.device = device;
        this.data = data;
        this.offsets = offsets;
        this.lengths = lengths;
        this.out = out;
    }

    /** Creates a set of new buffers whose names end with {@code suffix}. */
    static Sha256MessageBuffers create(Device device, String suffix) {
        return new Sha256MessageBuffers(device, device.buffer("sha256 message data" + suffix, DeviceBuffer.Access.IN),
                device.buffer("sha256 message offsets" + suffix, DeviceBuffer.Access.IN),
                device.buffer("sha256 message lengths" + suffix, DeviceBuffer.Access.IN),
                device.buffer("sha256 digests" + suffix, DeviceBuffer.Access.OUT));
    }

    /**
     * Packs messages {@code [from, to)} into the staging areas, then enqueues their upload, the launch of
     * {@code kernel} in groups of {@code group} and the digests' download, with a marker after them; the set must
     * have no launch in flight ({@link #finish}).
     */
    void start(List<byte[]> msgs, int from, int to, DeviceFunction kernel, int group) {
        if (inFlight != null) {
            throw new IllegalStateException("the set still has messages " + this.from + ".." + this.to + " in flight");
        }
        int n = to - from;
        long total = 0;
        for (int i = from; i < to; i++) {
            total += msgs.get(i).length;
        }
        data.ensure(total);
        offsets.ensure(8L * n);
        lengths.ensure(4L * n);
        out.ensure(32L * n);
        ByteBuffer bytes = data.host();
        LongBuffer offs = offsets.host().asLongBuffer();
        ByteBuffer lens = lengths.host();
        for (int i = from; i < to; i++) {
            offs.put(bytes.position());
            lens.putInt(msgs.get(i).length);
            bytes.put(msgs.get(i));
        }
        data.upload(total);
        offsets.upload(8L * n);
        lengths.upload(4L * n);
        device.launch(kernel, Sha256Batches.groups(n, group), 1, group, 1, data, offsets, lengths, n, out);
        out.download(0, 32L * n);
        this.inFlight = device.mark();
        this.from = from;
        this.to = to;
    }

    /**
     * Waits for the launch in flight, if any, copies its digests to {@code digests} at 32 bytes per message from its
     * first message, and returns how many messages it held (0 when none was in flight).
     */
    int finish(byte[] digests) {
        if (inFlight == null) {
            return 0;
        }
        DeviceEvent e = inFlight;
        inFlight = null;
        device.hostWait(e);
        int n = to - from;
        out.host().get(digests, 32 * from, 32 * n);
        return n;
    }

    /** Forgets a launch in flight, whose run failed, so that the set can start the next run's. */
    void abandon() {
        inFlight = null;
    }

    /** Returns the device bytes the set holds. */
    long capacity() {
        return data.capacity() + offsets.capacity() + lengths.capacity() + out.capacity();
    }

    @Override
    public void close() {
        data.close();
        offsets.close();
        lengths.close();
        out.close();
    }
}
