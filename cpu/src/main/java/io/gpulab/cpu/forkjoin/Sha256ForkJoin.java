package io.gpulab.cpu.forkjoin;

import io.gpulab.api.BackendException;
import io.gpulab.api.Kernel;
import io.gpulab.cpu.seq.Sha256Seq;
import io.gpulab.tasks.Sha256Fold;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Merge;
import io.gpulab.tasks.Sha256Output;
import io.gpulab.tasks.Sha256Shards;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.IntFunction;

/**
 * Hashes a batch on a ForkJoinPool. Decomposition: the task's shards ({@link Sha256Shards}), contiguous chunks of
 * messages of about equal work (SHA-256 blocks times iterations), up to {@value #CHUNKS_PER_THREAD} per pool thread so
 * that a slow or preempted thread does not hold up the rest, but none below {@value #MIN_CHUNK_BLOCKS} blocks, where a
 * task would cost more than it saves. Each chunk hashes with its worker thread's own {@link MessageDigest} (one per
 * thread, reused across chunks and runs).
 *
 * <p>A synthetic chunk folds its digests into its own partial {@link Sha256Fold} as it goes and returns just that (four
 * longs); the calling thread adds the partials, in any order, since the fold is a sum. So memory is one message buffer
 * per chunk whatever the count, and nothing is combined in order. Given messages return every digest, so their chunks
 * write into their slices of one array of {@code 32 * count} bytes, which the calling thread folds once all are done.
 *
 * <p>Each chunk takes a fresh message digest, as {@link Sha256Seq#run} does for its batch (a long-lived one hashed 5%
 * slower). A kernel instance may run batches from several threads at once: it keeps no per-run state.
 */
public final class Sha256ForkJoin implements Kernel<Sha256Input, Sha256Output> {

    /** Chunks per pool thread at most: enough to even out threads that run slower or start late. */
    static final int CHUNKS_PER_THREAD = 4;

    /** Blocks of work per chunk at least (about 0.1 ms with SHA-NI), so that task overhead stays negligible. */
    static final long MIN_CHUNK_BLOCKS = 1024;

    private final ForkJoinPool pool;

    Sha256ForkJoin(ForkJoinPool pool) {
        this.pool = pool;
    }

    @Override
    public Sha256Output run(Sha256Input input) {
        Sha256Shards shards = Sha256Shards.of(input, pool.getParallelism() * CHUNKS_PER_THREAD, MIN_CHUNK_BLOCKS,
                Long.MAX_VALUE);
        Sha256Merge merge = new Sha256Merge(input);
        if (input instanceof Sha256Input.Synthetic s) {
            for (Sha256Fold partial : runChunks(shards.count(), c -> {
                Sha256Fold f = new Sha256Fold();
                Sha256Seq.foldSynthetic(Sha256Seq.newDigest(), s, shards.from(c), shards.to(c), f);
                return f;
            })) {
                merge.add(partial);
            }
            return merge.output();
        }
        byte[] digests = merge.digests();
        runChunks(shards.count(), c -> {
            Sha256Seq.digestRange(Sha256Seq.newDigest(), input, shards.from(c), shards.to(c), digests,
                    shards.from(c) * Sha256Seq.DIGEST_BYTES);
            return null;
        });
        return merge.output();
    }

    /** Runs chunk {@code 0 .. chunks-1} on the pool and returns their results in chunk order. */
    private <R> List<R> runChunks(int chunks, IntFunction<R> chunk) {
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[chunks];
        try {
            for (int c = 0; c < chunks; c++) {
                int cc = c;
                tasks[c] = pool.submit(() -> chunk.apply(cc));
            }
            List<R> results = new ArrayList<>(chunks);
            for (int c = 0; c < chunks; c++) {
                @SuppressWarnings("unchecked") // tasks[c] was submitted as a Callable<R> just above
                R r = (R) tasks[c].join();
                results.add(r);
            }
            return results;
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
}
