package io.gpulab.cpu.forkjoin;

import io.gpulab.api.Kernel;
import io.gpulab.cpu.sieve.PrimeBuffer;
import io.gpulab.cpu.sieve.SegmentSieve;
import io.gpulab.cpu.sieve.SievingPrimes;
import io.gpulab.tasks.PrimeSink;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveOutput;
import java.util.ArrayDeque;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts primes on a ForkJoinPool: the range is cut into chunks of whole 256 KiB segments (about 8 chunks per
 * thread, so that uneven progress evens out), each chunk is sieved by a task with its own {@link SegmentSieve}, and
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
        long from = input.from();
        long to = input.to();
        if (from > to || to < 2) {
            return new SieveOutput(0);
        }
        SievingPrimes primes = SievingPrimes.forRangeEnd(to);
        int maxSegments = input.sink() == null ? SegmentSieve.MAX_CHUNK_SEGMENTS : LIST_CHUNK_SEGMENTS;
        Plan plan = Plan.of(from, to, pool.getParallelism() * CHUNKS_PER_THREAD, maxSegments);
        if (input.sink() == null) {
            return new SieveOutput(pool.invoke(new CountTask(primes, plan, 0, plan.chunks(), done)));
        }
        return new SieveOutput(list(primes, plan, input.sink()));
    }

    private long list(SievingPrimes primes, Plan plan, PrimeSink sink) {
        int window = 2 * pool.getParallelism();
        ArrayDeque<ForkJoinTask<PrimeBuffer>> inFlight = new ArrayDeque<>();
        long next = 0;
        long emitted = 0;
        long count = 0;
        try {
            while (next < plan.chunks() || !inFlight.isEmpty()) {
                while (next < plan.chunks() && inFlight.size() < window) {
                    long chunk = next++;
                    inFlight.add(pool.submit(() -> {
                        PrimeBuffer buffer = new PrimeBuffer();
                        new SegmentSieve(primes).sieve(plan.lo(chunk), plan.hi(chunk), buffer);
                        return buffer;
                    }));
                }
                PrimeBuffer buffer = inFlight.poll().join();
                buffer.emitTo(sink);
                count += buffer.count();
                done.addAndGet(plan.hi(emitted) - plan.lo(emitted) + 1); // chunks are emitted in order
                emitted++;
            }
        } finally {
            inFlight.forEach(t -> t.cancel(true));
        }
        return count;
    }

    /**
     * Cuts [from, to] at multiples of a whole number of segments, so that every chunk but the first and last starts
     * and ends on the same segment boundaries a single sieve would use.
     */
    private record Plan(long from, long to, long span, long firstBoundary, long chunks) {

        static Plan of(long from, long to, int targetChunks, int maxSegments) {
            long unit = SegmentSieve.SEGMENT_NUMBERS;
            long segments = (to - from) / unit + 1;
            long perChunk = Math.max(1, Math.min(maxSegments, (segments + targetChunks - 1) / targetChunks));
            long span = perChunk * unit;
            long firstBoundary = (from / span + 1) * span;
            long chunks = to < firstBoundary ? 1 : (to - firstBoundary) / span + 2;
            return new Plan(from, to, span, firstBoundary, chunks);
        }

        long lo(long chunk) {
            return chunk == 0 ? from : firstBoundary + (chunk - 1) * span;
        }

        long hi(long chunk) {
            return chunk == chunks - 1 ? to : firstBoundary + chunk * span - 1;
        }
    }

    /** Sums the counts of chunks [first, last), halving the index range until one chunk is left. */
    private static final class CountTask extends RecursiveTask<Long> {

        private final SievingPrimes primes;
        private final Plan plan;
        private final long first;
        private final long last;
        private final AtomicLong done;

        CountTask(SievingPrimes primes, Plan plan, long first, long last, AtomicLong done) {
            this.primes = primes;
            this.plan = plan;
            this.first = first;
            this.last = last;
            this.done = done;
        }

        @Override
        protected Long compute() {
            if (last - first == 1) {
                long n = new SegmentSieve(primes).count(plan.lo(first), plan.hi(first));
                done.addAndGet(plan.hi(first) - plan.lo(first) + 1); // once per chunk of millions of numbers
                return n;
            }
            long mid = (first + last) >>> 1;
            CountTask right = new CountTask(primes, plan, mid, last, done);
            right.fork();
            long left = new CountTask(primes, plan, first, mid, done).compute();
            return left + right.join();
        }
    }
}
