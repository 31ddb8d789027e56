package io.gpulab.gpu.cuda;

import io.gpulab.api.Kernel;
import io.gpulab.api.Phase;
import io.gpulab.gpu.SievePlan;
import io.gpulab.gpu.SievingPrimeTable;
import io.gpulab.tasks.PrimeSink;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveOutput;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Counts (and lists) primes on the GPU with the segmented odd-only sieve of {@code sieve.cl}.
 *
 * <p>Decomposition: the odd numbers of the range are cut into segments of {@link #SEGMENT_BITS} odd numbers by
 * {@link SievePlan}, the same plan the opencl backend uses; one thread block sieves one segment in shared memory
 * and writes its prime count. Segments go in launches of up to {@link #SEGMENTS_PER_LAUNCH}, fewer when the
 * count (or, for listing, bitmap) buffer would exceed the per-buffer budget ({@link CudaContext#budget}), each
 * launch uploading nothing but two 64-bit bounds. The prime 2 is counted on the host.
 *
 * <p>Memory and transfers: the odd sieving primes up to sqrt(to) are sieved on the host once for the largest
 * bound so far ({@link SievingPrimeTable}) and uploaded once per run as 32-bit words (about 200 MB at the 10^18
 * limit); each launch downloads one 32-bit count per segment, plus, when listing, the segment bitmaps (one bit per
 * odd number, set for primes), which the host walks in order to feed the sink ({@link SievePlan#emit}).
 */
final class SieveCuda implements Kernel<SieveInput, SieveOutput> {

    /** The kernel: (base, last, primes, nprimes, counts, bitmaps, keep_bitmaps). */
    static final CudaKernelSpec SEGMENTS = new CudaKernelSpec("sieve", "sieve_segments", "llpippi");
    /** The 32-bit words of a segment bitmap: sieve.cl's default SIEVE_WORDS, which the PTX was built with. */
    static final int SIEVE_WORDS = 4096;
    /** The odd numbers sieved by one thread block. */
    static final int SEGMENT_BITS = SIEVE_WORDS * 32;
    /** The most segments of one launch: 2^16 segments are 1.7 * 10^10 numbers. */
    static final int SEGMENTS_PER_LAUNCH = 1 << 16;

    private static final int BLOCK = 256;

    private final CudaContext context;
    private final long maxChunkBytes;
    private final SievingPrimeTable table = new SievingPrimeTable();
    private final CudaBuffer primes;
    private final CudaBuffer counts;
    private final CudaBuffer bitmaps;
    private final CudaTimer timer;

    /** Creates the kernel in this context; buffers are allocated on the first run and grown as needed. */
    SieveCuda(CudaContext context, long maxChunkBytes) {
        this.context = context;
        this.maxChunkBytes = maxChunkBytes;
        this.primes = new CudaBuffer(context, "sieving primes", true);
        this.counts = new CudaBuffer(context, "segment counts", true);
        this.bitmaps = new CudaBuffer(context, "segment bitmaps", true);
        this.timer = new CudaTimer(context);
    }

    @Override
    public SieveOutput run(SieveInput input) {
        return context.guard("sieve [" + input.from() + ", " + input.to() + "]", () -> new SieveOutput(sieve(input)));
    }

    private long sieve(SieveInput input) {
        timer.reset();
        PrimeSink sink = input.sink();
        SievePlan plan = SievePlan.of(input.from(), input.to(), SEGMENT_BITS);
        long count = 0;
        if (plan.includesTwo()) {
            count++;
            if (sink != null) {
                sink.accept(2);
            }
        }
        if (plan.segments() == 0) {
            return count;
        }
        // the host table is kept; the device copy is uploaded every run, since a re-created context loses it
        int nprimes = table.cover(plan.sievingLimit(), found -> { });
        timer.start();
        primes.ensure(4L * nprimes);
        if (nprimes > 0) {
            primes.hostView(4L * nprimes).asIntBuffer().put(table.primes(), 0, nprimes);
        }
        primes.upload(4L * nprimes);
        timer.uploaded();
        long budget = context.budget(maxChunkBytes);
        int perLaunch = plan.segmentsPerLaunch(sink != null, budget, SEGMENTS_PER_LAUNCH);
        for (long s = 0; s < plan.segments(); s += perLaunch) {
            int n = (int) Math.min(perLaunch, plan.segments() - s);
            if (s > 0) {
                timer.start();
                timer.uploaded();
            }
            count += launch(plan, s, nprimes, n, sink);
        }
        return count;
    }

    /** Sieves {@code n} segments from segment {@code first} and returns their prime count, listing when asked. */
    private long launch(SievePlan plan, long first, int nprimes, int n, PrimeSink sink) {
        boolean listing = sink != null;
        counts.ensure(4L * n);
        bitmaps.ensure(listing ? 4L * SIEVE_WORDS * n : 4);
        CudaLaunch.of(context, SEGMENTS).u64(plan.segmentBase(first)).u64(plan.last()).pointer(primes.device())
                .u32(nprimes).pointer(counts.device()).pointer(bitmaps.device()).u32(listing ? 1 : 0)
                .run(n, 1, BLOCK, 1);
        timer.computed();
        counts.download(4L * n);
        if (listing) {
            bitmaps.download(4L * SIEVE_WORDS * n);
        }
        timer.chunkDone();
        ByteBuffer c = counts.hostView(4L * n);
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += Integer.toUnsignedLong(c.getInt(4 * i));
        }
        if (listing) {
            int[] words = new int[SIEVE_WORDS * n];
            bitmaps.hostView(4L * SIEVE_WORDS * n).asIntBuffer().get(words);
            plan.emit(first, words, n, sink);
        }
        return total;
    }

    @Override
    public Map<Phase, Double> phases() {
        return timer.phases();
    }

    @Override
    public void close() {
        primes.close();
        counts.close();
        bitmaps.close();
        timer.close();
    }
}
