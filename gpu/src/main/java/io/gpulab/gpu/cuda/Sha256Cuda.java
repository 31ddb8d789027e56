package io.gpulab.gpu.cuda;

import io.gpulab.api.Kernel;
import io.gpulab.api.Phase;
import io.gpulab.cpu.seq.Sha256Seq;
import io.gpulab.gpu.Sha256Batches;
import io.gpulab.tasks.Sha256Fold;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import java.util.List;
import java.util.Map;

/**
 * Hashes a batch on the GPU with {@code sha256.cl}, one message per thread.
 *
 * <p>Decomposition: one thread hashes one message, padding built on the fly block by block, re-hashing its digest
 * for iterated batches; blocks of {@link #BLOCK} threads, the {@code SHA256_GROUP} the shipped PTX was compiled for
 * (CudaKernelSpecTest checks the shared reduction array against it). The batch is cut into launches by
 * {@link Sha256Batches}, as on opencl: at most {@link Sha256Batches#MAX_PER_LAUNCH} messages, and every buffer within
 * the per-buffer budget ({@link CudaContext#budget}); one given message larger than the budget is a
 * {@link io.gpulab.api.DeviceOutOfMemoryException}.
 *
 * <p>Memory and transfers: a synthetic batch uploads nothing (each thread generates its message from
 * {@code seed + i}); each thread folds its final digest into four 64-bit lanes ({@link Sha256Fold}), each block sums
 * them in shared memory, and a launch downloads one 32-byte partial fold per block, which the host adds in any
 * order. Given messages are packed end to end into one pinned buffer with a 64-bit offset and a 32-bit length per
 * message ({@link Sha256Batches#pack}) and uploaded per launch; each launch downloads 32 bytes per message, which
 * the host keeps for the whole batch and folds at the end, as {@code seq} does.
 */
final class Sha256Cuda implements Kernel<Sha256Input, Sha256Output> {

    /** The kernel for given messages: (data, offsets, lengths, n, out). */
    static final CudaKernelSpec MESSAGES = new CudaKernelSpec("sha256", "sha256_messages", "pppip");
    /** The kernel for synthetic batches: (first_value, first_index, n, length, iterations, partials). */
    static final CudaKernelSpec SYNTHETIC = new CudaKernelSpec("sha256", "sha256_synthetic", "lliiip");

    /** Threads per block: the default {@code SHA256_GROUP} of {@code sha256.cl}, which the shipped PTX uses. */
    static final int BLOCK = 256;

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
        this.digests = new CudaBuffer(context, "sha256 digests or partial folds", true);
        this.timer = new CudaTimer(context);
    }

    @Override
    public Sha256Output run(Sha256Input input) {
        return context.guard("sha256 of " + input.count() + " messages", () -> hash(input));
    }

    private Sha256Output hash(Sha256Input input) {
        timer.reset();
        long budget = context.budget(maxChunkBytes);
        if (input instanceof Sha256Input.Synthetic s) {
            return new Sha256Output(foldSynthetic(s, budget).toBytes(), List.of());
        }
        byte[] out = new byte[Math.multiplyExact(input.count(), 32)];
        List<byte[]> msgs = ((Sha256Input.Messages) input).messages();
        List<int[]> launches = Sha256Batches.split(msgs, Sha256Batches.packingBudget(budget),
                Sha256Batches.MAX_PER_LAUNCH);
        for (int[] range : launches) {
            hashMessages(Sha256Batches.pack(msgs, range[0], range[1]), range[0], out);
        }
        return Sha256Seq.output(input, out);
    }

    /** Hashes a synthetic batch launch by launch, adding each launch's per-block partial folds on the host. */
    private Sha256Fold foldSynthetic(Sha256Input.Synthetic s, long budget) {
        Sha256Fold fold = new Sha256Fold();
        int chunk = Sha256Batches.syntheticPerLaunch(budget, BLOCK, Sha256Batches.MAX_PER_LAUNCH);
        long[] lanes = new long[4 * Sha256Batches.groups(Math.min(chunk, Math.max(1, s.count())), BLOCK)];
        for (int from = 0; from < s.count(); from += chunk) {
            int n = Math.min(chunk, s.count() - from);
            int blocks = Sha256Batches.groups(n, BLOCK);
            digests.ensure(32L * blocks);
            timer.start();
            timer.uploaded();
            CudaLaunch.of(context, SYNTHETIC).u64(s.seed() + from).u64(from).u32(n).u32(s.length())
                    .u32(s.iterations()).pointer(digests.device()).run(blocks, 1, BLOCK, 1);
            timer.computed();
            digests.download(32L * blocks);
            timer.chunkDone();
            digests.hostView(32L * blocks).asLongBuffer().get(lanes, 0, 4 * blocks);
            for (int b = 0; b < blocks; b++) {
                fold.addLanes(lanes[4 * b], lanes[4 * b + 1], lanes[4 * b + 2], lanes[4 * b + 3]);
            }
        }
        return fold;
    }

    /** Hashes one launch of packed messages, the first being message {@code from} of the batch. */
    private void hashMessages(Sha256Batches.Packed p, int from, byte[] out) {
        int n = p.count();
        long total = p.data().length;
        data.ensure(total);
        offsets.ensure(8L * n);
        lengths.ensure(4L * n);
        digests.ensure(32L * n);
        data.hostView(Math.max(total, 1)).put(p.data());
        offsets.hostView(8L * n).asLongBuffer().put(p.offsets());
        lengths.hostView(4L * n).asIntBuffer().put(p.lengths());
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

    private static int blocks(int n) {
        return Sha256Batches.groups(n, BLOCK);
    }

    @Override
    public Map<Phase, Double> phases() {
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
