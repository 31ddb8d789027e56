package io.gpulab.gpu.cuda;

import io.gpulab.api.Kernel;
import io.gpulab.cpu.seq.SieveSeq;
import io.gpulab.cpu.seq.SmallPrimes;
import io.gpulab.tasks.PrimeSink;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveOutput;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Counts (and lists) primes on the GPU with the segmented odd-only sieve of {@code sieve.cl}.
 *
 * <p>Decomposition: the odd numbers of the range are cut into segments of {@link #SEGMENT_BITS} odd numbers; one
 * thread block sieves one segment in shared memory and writes its prime count. Segments go in launches of up to
 * {@link #SEGMENTS_PER_LAUNCH} (fewer when listing, or when a smaller chunk is configured), each launch uploading
 * nothing but two 64-bit bounds. The prime 2 is counted on the host.
 *
 * <p>Memory and transfers: the odd sieving primes up to sqrt(to) are uploaded once per run as 32-bit words
 * (about 200 MB at the 10^18 limit); each launch downloads one 32-bit count per segment, plus, when listing, the
 * segment bitmaps (one bit per odd number, set for primes), which the host walks in order to feed the sink.
 */
final class SieveCuda implements Kernel<SieveInput, SieveOutput> {

    /** The kernel: (base, last, primes, nprimes, counts, bitmaps, keep_bitmaps). */
    static final CudaKernelSpec SEGMENTS = new CudaKernelSpec("sieve", "sieve_segments", "llpippi");
    /** The 32-bit words of a segment bitmap: sieve.cl's default SIEVE_WORDS, which the PTX was built with. */
    static final int SIEVE_WORDS = 4096;
    /** The odd numbers sieved by one thread block. */
    static final long SEGMENT_BITS = SIEVE_WORDS * 32L;
    /** The most segments of one counting launch: 2^16 segments are 1.7 * 10^10 numbers. */
    static final int SEGMENTS_PER_LAUNCH = 1 << 16;

    private static final int BLOCK = 256;

    private final CudaContext context;
    private final long maxChunkBytes;
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
        long from = input.from();
        long to = input.to();
        PrimeSink sink = input.sink();
        if (to < 2 || from > to) {
            return 0;
        }
        long count = 0;
        if (from <= 2) {
            count++;
            if (sink != null) {
                sink.accept(2);
            }
        }
        long base = Math.max(from, 3) | 1;
        long last = (to & 1) == 1 ? to : to - 1;
        if (base > last) {
            return count;
        }
        int[] small = SmallPrimes.upTo(SieveSeq.isqrt(to));
        int nprimes = Math.max(0, small.length - 1); // the odd ones: small[0] is 2 whenever small is not empty
        timer.start();
        primes.ensure(4L * nprimes);
        if (nprimes > 0) {
            primes.hostView(4L * nprimes).asIntBuffer().put(small, 1, nprimes);
        }
        primes.upload(4L * nprimes);
        timer.uploaded();
        long segments = ((last - base) / 2) / SEGMENT_BITS + 1;
        int perLaunch = segmentsPerLaunch(sink != null);
        for (long s = 0; s < segments; s += perLaunch) {
            int n = (int) Math.min(perLaunch, segments - s);
            if (s > 0) {
                timer.start();
                timer.uploaded();
            }
            count += launch(base + 2 * s * SEGMENT_BITS, last, nprimes, n, sink);
        }
        return count;
    }

    private int segmentsPerLaunch(boolean listing) {
        long perSegment = 4L + (listing ? 4L * SIEVE_WORDS : 0);
        long fit = Math.min(maxChunkBytes, context.freeBytes() / 2) / perSegment;
        return (int) Math.max(1, Math.min(SEGMENTS_PER_LAUNCH, fit));
    }

    /** Sieves {@code n} segments from {@code lo} and returns their prime count, listing them when asked. */
    private long launch(long lo, long last, int nprimes, int n, PrimeSink sink) {
        boolean listing = sink != null;
        counts.ensure(4L * n);
        bitmaps.ensure(listing ? 4L * SIEVE_WORDS * n : 4);
        CudaLaunch.of(context, SEGMENTS).u64(lo).u64(last).pointer(primes.device()).u32(nprimes)
                .pointer(counts.device()).pointer(bitmaps.device()).u32(listing ? 1 : 0).run(n, 1, BLOCK, 1);
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
            list(bitmaps.hostView(4L * SIEVE_WORDS * n), lo, n, sink);
        }
        return total;
    }

    private static void list(ByteBuffer bits, long lo, int n, PrimeSink sink) {
        long words = (long) n * SIEVE_WORDS;
        for (int w = 0; w < words; w++) {
            int word = bits.getInt(4 * w);
            while (word != 0) {
                int b = Integer.numberOfTrailingZeros(word);
                sink.accept(lo + 2 * (32L * w + b));
                word &= word - 1;
            }
        }
    }

    @Override
    public Map<String, Double> phases() {
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
