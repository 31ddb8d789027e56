package io.gpulab.cpu.forkjoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gpulab.cpu.seq.SieveSeq;
import io.gpulab.cpu.sieve.PrimeBuffer;
import io.gpulab.cpu.sieve.SegmentSieve;
import io.gpulab.tasks.PrimeSink;
import io.gpulab.tasks.SieveInput;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks {@link SieveForkJoin} against {@link SieveSeq} with 1, 2 and 3 threads, counting and listing. */
class SieveForkJoinTest {

    private static final long SEG = SegmentSieve.SEGMENT_NUMBERS;
    private static final long SEED = Long.getLong("gpulab.seed", System.nanoTime());

    static Stream<Arguments> ranges() {
        long[][] r = {
            {0, 0}, {0, 200}, {2, 2}, {7, 7}, {100, 99},
            {0, 40 * SEG + 17}, // many chunks, the first one starting at 0
            {SEG - 1, 3 * SEG + 1}, // chunk ends one past and one before segment boundaries
            {5 * SEG, 9 * SEG - 1}, // exactly whole segments
            {1_000_000_000_000L - 3, 1_000_000_000_000L + 20 * SEG}, // far from 0, only large primes in buckets
            {(1L << 32) - 5, (1L << 32) + 5},
        };
        return Stream.of(r).flatMap(x -> Stream.of(1, 2, 3).map(t -> Arguments.of(t, x[0], x[1])));
    }

    /** Checks count and listing of each range against seq: same primes, in ascending order, on the caller thread. */
    @ParameterizedTest(name = "{0} threads, [{1}, {2}]")
    @MethodSource("ranges")
    void matchesSeq(int threads, long from, long to) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            SieveForkJoin kernel = new SieveForkJoin(pool);
            long expected = SieveSeq.count(from, to, null);
            assertEquals(expected, kernel.run(SieveInput.count(from, to)).count(), "count");
            Checker seq = new Checker(null);
            SieveSeq.count(from, to, seq);
            Checker parallel = new Checker(Thread.currentThread());
            long listed = kernel.run(new SieveInput(from, to, parallel)).count();
            assertEquals(expected, listed, "count returned while listing");
            assertEquals(seq.count, parallel.count, "primes listed");
            assertEquals(seq.hash, parallel.hash, "order-sensitive hash of the listed primes");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Checks that the progress counter ends at the range's length, counting and listing, and restarts per run. */
    @Test
    void workDoneEndsAtTheRangeLength() {
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            SieveForkJoin kernel = new SieveForkJoin(pool);
            assertEquals(0, kernel.workDone());
            long from = SEG - 1;
            long to = 40 * SEG + 17;
            kernel.run(SieveInput.count(from, to));
            assertEquals(to - from + 1, kernel.workDone());
            kernel.run(new SieveInput(from, to, p -> { }));
            assertEquals(to - from + 1, kernel.workDone(), "listing");
            kernel.run(SieveInput.count(10, 9));
            assertEquals(0, kernel.workDone(), "an empty range after a full one");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Checks seeded random ranges of up to 50 segments at random heights with 3 threads; prints the seed. */
    @Test
    void matchesSeqOnRandomRanges() {
        System.out.println("SieveForkJoinTest seed: " + SEED + " (replay with -Dgpulab.seed=" + SEED + ")");
        SplittableRandom rnd = new SplittableRandom(SEED);
        ForkJoinPool pool = new ForkJoinPool(3);
        try {
            SieveForkJoin kernel = new SieveForkJoin(pool);
            for (int i = 0; i < 6; i++) {
                long from = (long) Math.pow(10, rnd.nextDouble() * 15);
                long to = from + rnd.nextLong(50 * SEG);
                assertEquals(SieveSeq.count(from, to, null), kernel.run(SieveInput.count(from, to)).count(),
                        "[" + from + ", " + to + "] seed " + SEED);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Checks that the buffer replays its primes exactly and refuses a prime that does not ascend. */
    @Test
    void primeBufferReplaysInOrder() {
        PrimeBuffer buffer = new PrimeBuffer();
        SieveSeq.count(999_000_000L, 1_000_000_000L, buffer);
        Checker direct = new Checker(null);
        SieveSeq.count(999_000_000L, 1_000_000_000L, direct);
        Checker replay = new Checker(null);
        buffer.emitTo(replay);
        assertEquals(direct.count, buffer.count());
        assertEquals(direct.hash, replay.hash);
        assertThrows(IllegalArgumentException.class, () -> buffer.accept(999_000_000L));
    }

    /** Hashes the primes in order and checks that they ascend and arrive on one expected thread. */
    private static final class Checker implements PrimeSink {
        private final Thread thread;
        private long count;
        private long hash = 17;
        private long last = -1;

        Checker(Thread thread) {
            this.thread = thread;
        }

        @Override
        public void accept(long prime) {
            if (prime <= last) {
                throw new AssertionError("prime " + prime + " after " + last);
            }
            if (thread != null && Thread.currentThread() != thread) {
                throw new AssertionError("sink called on " + Thread.currentThread().getName());
            }
            last = prime;
            count++;
            hash = hash * 1_000_003L + prime;
        }
    }
}
