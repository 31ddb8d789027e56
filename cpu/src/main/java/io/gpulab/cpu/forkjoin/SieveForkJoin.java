package io.gpulab.cpu.forkjoin;

import io.gpulab.api.Kernel;
import io.gpulab.cpu.sieve.PrimeBuffer;
import io.gpulab.cpu.sieve.SegmentSieve;
import io.gpulab.cpu.sieve.SievingPrimes;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveMerge;
import io.gpulab.tasks.SieveOutput;
import io.gpulab.tasks.SieveShards;
import java.util.ArrayDeque;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts primes on a ForkJoinPool: the range is cut into the task's shards ({@link SieveShards}) of whole 256 KiB
 * segments (about 8 per thread, so that uneven progress evens out), each shard is sieved by a task with its own
 * {@link SegmentSieve}, and
 * all tasks share the sieving primes, computed once per run. Counting sums the chunk counts through a recursive
 * split; listing keeps at most 2 chunks per thread in flight, each collected into a {@link PrimeBuffer}, and hands
 * them to the sink on the calling thread in ascending order, so the sink sees one thread and sorted primes.
 */
public final class SieveForkJoin implements Kernel<SieveInput, SieveOutput> {

    private static final int CHUNKS_PER_THREAD = 8;

    /** Listing chunks are small (4 segments, 31 million numbers, at most 4 MB of buffered gaps) to bound memory. */
    private static final int LIST_CHUNK_SEGMENTS = 4;

    private final ForkJoinPool pool;

    /** The numbers of the current run's finished chunks, for {@link #workDone}. */
    private final AtomicLong done = new AtomicLong();

    SieveForkJoin(ForkJoinPool pool) {
        this.pool = pool;
    }

    @Override
    public long workDone() {
        return done.get();
    }

    @Override
    public SieveOutput run(SieveInput input) {
        done.set(0);
        if (input.length() == 0 || input.to() < 2) {
            return new SieveOutput(0);
        }
        SievingPrimes primes = SievingPrimes.forRangeEnd(input.to());
        int maxSegments = input.sink() == null ? SegmentSieve.MAX_CHUNK_SEGMENTS : LIST_CHUNK_SEGMENTS;
        SieveShards shards = SieveShards.of(input, (long) pool.getParallelism() * CHUNKS_PER_THREAD,
                SegmentSieve.SEGMENT_NUMBERS, maxSegments);
        SieveMerge merge = new SieveMerge(shards, input);
        if (!merge.listing()) {
            merge.add(pool.invoke(new CountTask(primes, shards, 0, shards.count(), done)));
        } else {
            list(primes, shards, merge);
        }
        return merge.output();
    }

    private void list(SievingPrimes primes, SieveShards shards, SieveMerge merge) {
        int window = 2 * pool.getParallelism();
        ArrayDeque<ForkJoinTask<PrimeBuffer>> inFlight = new ArrayDeque<>();
        long next = 0;
        long merged = 0;
        try {
            while (merged < shards.count()) {
                while (next < shards.count() && inFlight.size() < window) {
                    long shard = next++;
                    inFlight.add(pool.submit(() -> {
                        PrimeBuffer buffer = new PrimeBuffer();
                        new SegmentSieve(primes).sieve(shards.from(shard), shards.to(shard), buffer);
                        return buffer;
                    }));
                }
                PrimeBuffer buffer = inFlight.poll().join();
                long shard = merged++;
                merge.list(shard, buffer.count(), sink -> {
                    buffer.emitTo(sink);
                    return buffer.count();
                });
                done.addAndGet(shards.to(shard) - shards.from(shard) + 1); // shards are merged in order
            }
        } finally {
            inFlight.forEach(t -> t.cancel(true));
        }
    }

    /** Sums the counts of shards [first, last), halving the index range until one shard is left. */
    private static final class CountTask extends RecursiveTask<Long> {

        private static final long serialVersionUID = 1L;

        private final transient SievingPrimes primes;
        private final SieveShards shards;
        private final long first;
        private final long last;
        private final AtomicLong done;

        CountTask(SievingPrimes primes, SieveShards shards, long first, long last, AtomicLong done) {
            this.primes = primes;
            this.shards = shards;
            this.first = first;
            this.last = last;
            this.done = done;
        }

        @Override
        protected Long compute() {
            if (last - first == 1) {
                long n = new SegmentSieve(primes).count(shards.from(first), shards.to(first));
                done.addAndGet(shards.to(first) - shards.from(first) + 1); // once per shard of millions of numbers
                return n;
            }
            long mid = (first + last) >>> 1;
            CountTask right = new CountTask(primes, shards, mid, last, done);
            right.fork();
            long left = new CountTask(primes, shards, first, mid, done).compute();
            return left + right.join();
        }
    }
}
