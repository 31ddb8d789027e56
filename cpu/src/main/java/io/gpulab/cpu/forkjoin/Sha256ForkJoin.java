package io.gpulab.cpu.forkjoin;

import io.gpulab.api.BackendException;
import io.gpulab.api.Kernel;
import io.gpulab.cpu.seq.Sha256Seq;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RejectedExecutionException;

/**
 * Hashes a batch on a ForkJoinPool. Decomposition: the batch is cut into contiguous chunks of messages of about
 * equal work (SHA-256 blocks times iterations), up to {@value #CHUNKS_PER_THREAD} per pool thread so that a slow
 * or preempted thread does not hold up the rest, but none below {@value #MIN_CHUNK_BLOCKS} blocks, where a task would
 * cost more than it saves. Each chunk writes the digests of its messages into its own slice of a shared array, with
 * its worker thread's own {@link MessageDigest} (one per thread, reused across chunks and runs). The calling thread
 * feeds the slices to the combined digest in batch order as each chunk finishes, so combining overlaps hashing
 * instead of following it.
 *
 * <p>Memory: a synthetic batch is hashed a window of {@value #WINDOW} messages at a time (chunked as above), into one
 * window buffer of 32 bytes per message that is kept and reused across windows and runs, so memory stays flat for
 * any count. Given messages return every digest, so they are hashed as one window into an array of
 * {@code 32 * count} bytes.
 *
 * <p>A kernel instance runs one batch at a time (its combining digest and window buffer are its own).
 */
public final class Sha256ForkJoin implements Kernel<Sha256Input, Sha256Output> {

    /** Chunks per pool thread at most: enough to even out threads that run slower or start late. */
    static final int CHUNKS_PER_THREAD = 4;

    /** Blocks of work per chunk at least (about 0.1 ms with SHA-NI), so that task overhead stays negligible. */
    static final long MIN_CHUNK_BLOCKS = 1024;

    /** Synthetic messages per window: 32 MiB of digests, enough chunks for any pool, little barrier overhead. */
    static final int WINDOW = 1 << 20;

    private final ForkJoinPool pool;
    private final int window;
    private final ThreadLocal<MessageDigest> threadDigest = ThreadLocal.withInitial(Sha256Seq::newDigest);
    private final MessageDigest combined = Sha256Seq.newDigest();
    private byte[] windowDigests = new byte[0];

    Sha256ForkJoin(ForkJoinPool pool) {
        this(pool, WINDOW);
    }

    /** Creates the kernel with a given synthetic window, so that tests can span several windows cheaply. */
    Sha256ForkJoin(ForkJoinPool pool, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1 message: " + window);
        }
        this.pool = pool;
        this.window = window;
    }

    @Override
    public Sha256Output run(Sha256Input input) {
        combined.reset();
        if (input instanceof Sha256Input.Synthetic s) {
            int n = s.count();
            int size = Math.min(n, window) * Sha256Seq.DIGEST_BYTES;
            if (windowDigests.length < size) {
                windowDigests = new byte[size];
            }
            for (int from = 0; from < n; from += window) {
                int count = Math.min(window, n - from);
                // message from + i of the batch is message i of a batch seeded seed + from (the fill rule)
                hashAndCombine(new Sha256Input.Synthetic(count, s.length(), s.iterations(), s.seed() + from),
                        windowDigests);
            }
            return new Sha256Output(combined.digest(), List.of());
        }
        byte[] digests = new byte[Math.multiplyExact(input.count(), Sha256Seq.DIGEST_BYTES)];
        hashAndCombine(input, digests);
        return Sha256Seq.output(input, combined.digest(), digests);
    }

    /** Hashes every message of {@code input} in parallel chunks into {@code digests}, feeding them to the combiner. */
    private void hashAndCombine(Sha256Input input, byte[] digests) {
        int[] bounds = chunkBounds(input, pool.getParallelism() * CHUNKS_PER_THREAD);
        int chunks = bounds.length - 1;
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[chunks];
        try {
            for (int c = 0; c < chunks; c++) {
                int from = bounds[c];
                int to = bounds[c + 1];
                tasks[c] = pool.submit(() -> Sha256Seq.digestRange(threadDigest.get(), input, from, to, digests,
                        from * Sha256Seq.DIGEST_BYTES));
            }
            for (int c = 0; c < chunks; c++) {
                tasks[c].join();
                combined.update(digests, bounds[c] * Sha256Seq.DIGEST_BYTES,
                        (bounds[c + 1] - bounds[c]) * Sha256Seq.DIGEST_BYTES);
            }
        } catch (RejectedExecutionException e) {
            cancel(tasks);
            throw new BackendException("forkjoin pool refused the sha256 chunks (backend closed?): " + e, e);
        } catch (RuntimeException | Error e) {
            cancel(tasks);
            throw e;
        }
    }

    private static void cancel(ForkJoinTask<?>[] tasks) {
        for (ForkJoinTask<?> t : tasks) {
            if (t != null) {
                t.cancel(false);
            }
        }
    }

    /**
     * Returns the chunk bounds {@code b} (chunk {@code c} is messages {@code [b[c], b[c+1])}): ascending, from 0 to
     * {@code count}, at most {@code maxChunks} chunks (at least one, maybe empty), cut so each holds about the same
     * number of SHA-256 blocks.
     */
    static int[] chunkBounds(Sha256Input input, int maxChunks) {
        int n = input.count();
        long total = 0;
        if (input instanceof Sha256Input.Synthetic s) {
            total = (long) n * messageBlocks(s.length(), s.iterations());
        } else {
            for (byte[] m : ((Sha256Input.Messages) input).messages()) {
                total += messageBlocks(m.length, 1);
            }
        }
        int chunks = (int) Math.max(1, Math.min(Math.min(maxChunks, n), total / MIN_CHUNK_BLOCKS));
        int[] bounds = new int[chunks + 1];
        bounds[chunks] = n;
        if (input instanceof Sha256Input.Synthetic) {
            for (int c = 1; c < chunks; c++) {
                bounds[c] = (int) ((long) n * c / chunks);
            }
            return bounds;
        }
        List<byte[]> msgs = ((Sha256Input.Messages) input).messages();
        long done = 0;
        int i = 0;
        for (int c = 1; c < chunks; c++) {
            long target = total * c / chunks;
            while (i < n && done + messageBlocks(msgs.get(i).length, 1) / 2 < target) {
                done += messageBlocks(msgs.get(i).length, 1);
                i++;
            }
            bounds[c] = i;
        }
        return bounds;
    }

    /** Returns the compression-function calls one message costs: its padded blocks, then one per re-hash. */
    static long messageBlocks(int length, int iterations) {
        return (length + 9L + 63) / 64 + (iterations - 1L);
    }
}
