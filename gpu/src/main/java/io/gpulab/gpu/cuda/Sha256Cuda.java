package io.gpulab.gpu.cuda;

import io.gpulab.api.DeviceOutOfMemoryException;
import io.gpulab.api.Kernel;
import io.gpulab.cpu.seq.Sha256Seq;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * Hashes a batch on the GPU with {@code sha256.cl}, one message per thread.
 *
 * <p>Decomposition: one thread hashes one message, padding built on the fly block by block, re-hashing its digest
 * for iterated batches; blocks of {@link #BLOCK} threads. The batch is cut into chunks whose buffers fit the
 * configured chunk size and the free device memory.
 *
 * <p>Memory and transfers: a synthetic batch uploads nothing (each thread generates its message from
 * {@code seed + i}); given messages are packed end to end into one pinned buffer with a 64-bit offset and a 32-bit
 * length per message and uploaded per chunk. Each chunk downloads 32 bytes per message; the host then computes the
 * combined digest over all of them, as {@code seq} does.
 */
final class Sha256Cuda implements Kernel<Sha256Input, Sha256Output> {

    /** The kernel for given messages: (data, offsets, lengths, n, out). */
    static final CudaKernelSpec MESSAGES = new CudaKernelSpec("sha256", "sha256_messages", "pppip");
    /** The kernel for synthetic batches: (first_value, n, length, iterations, out). */
    static final CudaKernelSpec SYNTHETIC = new CudaKernelSpec("sha256", "sha256_synthetic", "liiip");

    private static final int BLOCK = 256;

    private final CudaContext context;
    private final long maxChunkBytes;
    private final CudaBuffer data;
    private final CudaBuffer offsets;
    private final CudaBuffer lengths;
    private final CudaBuffer digests;
    private final CudaTimer timer;

    /** Creates the kernel in this context; buffers are allocated on the first run and grown as needed. */
    Sha256Cuda(CudaContext context, long maxChunkBytes) {
        this.context = context;
        this.maxChunkBytes = maxChunkBytes;
        this.data = new CudaBuffer(context, "sha256 message data", true);
        this.offsets = new CudaBuffer(context, "sha256 message offsets", true);
        this.lengths = new CudaBuffer(context, "sha256 message lengths", true);
        this.digests = new CudaBuffer(context, "sha256 digests", true);
        this.timer = new CudaTimer(context);
    }

    @Override
    public Sha256Output run(Sha256Input input) {
        return context.guard("sha256 of " + input.count() + " messages", () -> hash(input));
    }

    private Sha256Output hash(Sha256Input input) {
        timer.reset();
        byte[] out = new byte[Math.multiplyExact(input.count(), 32)];
        if (input instanceof Sha256Input.Synthetic s) {
            int chunk = (int) Math.max(1, Math.min(Integer.MAX_VALUE / 32, budget() / 32));
            for (int from = 0; from < s.count(); from += chunk) {
                int n = Math.min(chunk, s.count() - from);
                digests.ensure(32L * n);
                timer.start();
                timer.uploaded();
                CudaLaunch.of(context, SYNTHETIC).u64(s.seed() + from).u32(n).u32(s.length()).u32(s.iterations())
                        .pointer(digests.device()).run(blocks(n), 1, BLOCK, 1);
                collect(n, out, from);
            }
        } else {
            List<byte[]> msgs = ((Sha256Input.Messages) input).messages();
            for (int from = 0; from < msgs.size(); ) {
                int to = chunkEnd(msgs, from);
                hashMessages(msgs, from, to, out);
                from = to;
            }
        }
        return Sha256Seq.output(input, out);
    }

    /** Returns the end of the chunk of given messages starting at {@code from}: at least one message. */
    private int chunkEnd(List<byte[]> msgs, int from) {
        long budget = budget();
        long bytes = 0;
        int to = from;
        while (to < msgs.size()) {
            long more = msgs.get(to).length + 8L + 4L + 32L;
            if (to > from && bytes + more > budget) {
                break;
            }
            bytes += more;
            to++;
        }
        if (to == from + 1 && bytes > context.freeBytes()) {
            throw new DeviceOutOfMemoryException("cuda sha256 message " + from + " of " + msgs.get(from).length
                    + " bytes", bytes, context.freeBytes());
        }
        return to;
    }

    private void hashMessages(List<byte[]> msgs, int from, int to, byte[] out) {
        int n = to - from;
        long total = 0;
        for (int i = from; i < to; i++) {
            total += msgs.get(i).length;
        }
        data.ensure(total);
        offsets.ensure(8L * n);
        lengths.ensure(4L * n);
        digests.ensure(32L * n);
        ByteBuffer d = data.hostView(Math.max(total, 1));
        ByteBuffer o = offsets.hostView(8L * n);
        ByteBuffer l = lengths.hostView(4L * n);
        long at = 0;
        for (int i = from; i < to; i++) {
            byte[] m = msgs.get(i);
            d.put(m);
            o.putLong(at);
            l.putInt(m.length);
            at += m.length;
        }
        timer.start();
        data.upload(total);
        offsets.upload(8L * n);
        lengths.upload(4L * n);
        timer.uploaded();
        CudaLaunch.of(context, MESSAGES).pointer(data.device()).pointer(offsets.device()).pointer(lengths.device())
                .u32(n).pointer(digests.device()).run(blocks(n), 1, BLOCK, 1);
        collect(n, out, from);
    }

    /** Downloads the digests of the chunk and copies them into {@code out} at message {@code from}. */
    private void collect(int n, byte[] out, int from) {
        timer.computed();
        digests.download(32L * n);
        timer.chunkDone();
        digests.hostView(32L * n).get(out, 32 * from, 32 * n);
    }

    /** Returns the bytes one chunk may use: the configured chunk size, at most half the free device memory. */
    private long budget() {
        return Math.max(1, Math.min(maxChunkBytes, context.freeBytes() / 2));
    }

    private static int blocks(int n) {
        return (n + BLOCK - 1) / BLOCK;
    }

    @Override
    public Map<String, Double> phases() {
        return timer.phases();
    }

    @Override
    public void close() {
        data.close();
        offsets.close();
        lengths.close();
        digests.close();
        timer.close();
    }
}
