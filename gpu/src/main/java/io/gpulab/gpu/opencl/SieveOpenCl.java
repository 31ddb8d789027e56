package io.gpulab.gpu.opencl;

import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;
import static org.jocl.CL.clReleaseKernel;
import static org.jocl.CL.clReleaseMemObject;

import io.gpulab.api.DeviceOutOfMemoryException;
import io.gpulab.api.Kernel;
import io.gpulab.gpu.KernelSources;
import io.gpulab.gpu.SievePlan;
import io.gpulab.gpu.SievingPrimes;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveOutput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jocl.Pointer;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * Counts (and lists) primes with {@code sieve.cl}: one work-group per segment of {@value #WORDS} x 32 odd
 * numbers, sieved in local memory.
 *
 * <p>Decomposition: the odd part of the range is cut into segments ({@link SievePlan}); a launch covers up to
 * {@value #MAX_SEGMENTS_PER_LAUNCH} segments, fewer when the count (and, for listing, bitmap) buffers would
 * exceed the backend's per-buffer budget. The prime 2 is counted on the host. Host/device traffic: the odd
 * sieving primes up to sqrt(to) are computed on the host and uploaded once per job (4 bytes each; one buffer,
 * so more than the budget is a {@link DeviceOutOfMemoryException}); each launch downloads one 32-bit count per
 * segment, summed on the host. Listing downloads each launch's segment bitmaps (bit set = prime) and the host
 * emits the primes in ascending order.
 */
final class SieveOpenCl implements Kernel<SieveInput, SieveOutput> {

    /** 32-bit words of local memory per segment (16 KiB, within every GPU's local memory). */
    static final int WORDS = 4096;
    /** Segments per launch at most, to keep each launch well under a display watchdog. */
    static final int MAX_SEGMENTS_PER_LAUNCH = 2048;

    private static final int BITS = WORDS * 32;

    private final OpenClBackend backend;
    private final cl_kernel kernel;
    private final long groupSize;
    private final List<String> events = new ArrayList<>();
    private Map<String, Double> phases = Map.of();
    private cl_mem primesMem;
    private int[] primes = new int[0];
    private long primesLimit = -1;

    /** Builds (or reuses) the program and uploads the sieving primes the prepared range needs. */
    SieveOpenCl(OpenClBackend backend, SieveInput input) {
        this.backend = backend;
        this.kernel = backend.kernel(KernelSources.SIEVE, "-D SIEVE_WORDS=" + WORDS, "sieve_segments");
        this.groupSize = Math.min(256, backend.maxGroupSize(kernel));
        ensurePrimes(SievePlan.of(input.from(), input.to(), BITS).sievingLimit());
    }

    @Override
    public SieveOutput run(SieveInput input) {
        OpenClQueue queue = backend.queue();
        queue.beginRun();
        events.clear();
        SievePlan plan = SievePlan.of(input.from(), input.to(), BITS);
        long count = 0;
        if (plan.includesTwo()) {
            count++;
            if (input.sink() != null) {
                input.sink().accept(2);
            }
        }
        if (plan.segments() > 0) {
            int nprimes = ensurePrimes(plan.sievingLimit());
            count += sieve(plan, nprimes, input);
        }
        phases = queue.endRun();
        return new SieveOutput(count);
    }

    private long sieve(SievePlan plan, int nprimes, SieveInput input) {
        boolean listing = input.sink() != null;
        long perSegment = 4L * (listing ? WORDS : 1);
        int perLaunch = (int) Math.min(MAX_SEGMENTS_PER_LAUNCH, Math.min(plan.segments(),
                backend.budget() / perSegment));
        if (perLaunch < 1) {
            throw new DeviceOutOfMemoryException("one sieve segment bitmap", perSegment, backend.budget());
        }
        OpenClQueue queue = backend.queue();
        cl_mem counts = queue.buffer(CL_MEM_WRITE_ONLY, 4L * perLaunch);
        cl_mem bitmaps = listing ? queue.buffer(CL_MEM_WRITE_ONLY, perSegment * perLaunch) : counts;
        try {
            int[] segCounts = new int[perLaunch];
            int[] words = listing ? new int[WORDS * perLaunch] : null;
            long count = 0;
            long launches = 0;
            for (long first = 0; first < plan.segments(); first += perLaunch) {
                int n = (int) Math.min(perLaunch, plan.segments() - first);
                OpenClQueue.args(kernel, plan.segmentBase(first), plan.last(), primesMem, nprimes, counts, bitmaps,
                        listing ? 1 : 0);
                queue.launch(kernel, new long[] {n * groupSize}, new long[] {groupSize});
                queue.read(counts, 0, Pointer.to(segCounts), 4L * n);
                for (int s = 0; s < n; s++) {
                    count += Integer.toUnsignedLong(segCounts[s]);
                }
                if (listing) {
                    queue.read(bitmaps, 0, Pointer.to(words), 4L * WORDS * n);
                    plan.emit(first, words, n, input.sink());
                }
                launches++;
            }
            if (launches > 1) {
                events.add("sieve split into " + launches + " launches of at most " + perLaunch + " segments ("
                        + BITS + " odd numbers each; per-buffer budget " + backend.budget() + " bytes)");
            }
            return count;
        } finally {
            clReleaseMemObject(counts);
            if (listing) {
                clReleaseMemObject(bitmaps);
            }
        }
    }

    /** Makes sure the device holds the odd sieving primes up to limit; returns how many of them apply. */
    private int ensurePrimes(long limit) {
        if (limit > primesLimit) {
            int[] found = SievingPrimes.oddUpTo(limit);
            long bytes = 4L * found.length;
            if (bytes > backend.budget()) {
                throw new DeviceOutOfMemoryException("the " + found.length + " sieving primes up to " + limit,
                        bytes, backend.budget());
            }
            releasePrimes();
            primesMem = backend.queue().buffer(CL_MEM_READ_ONLY, bytes);
            // uploaded at prepare time or when a later run needs more primes; counted in that run's upload phase
            backend.queue().write(primesMem, 0, Pointer.to(found), bytes);
            primes = found;
            primesLimit = limit;
        }
        int n = Arrays.binarySearch(primes, (int) Math.min(limit, Integer.MAX_VALUE));
        return n >= 0 ? n + 1 : -n - 1;
    }

    private void releasePrimes() {
        if (primesMem != null) {
            clReleaseMemObject(primesMem);
            primesMem = null;
        }
    }

    @Override
    public Map<String, Double> phases() {
        return phases;
    }

    @Override
    public List<String> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        releasePrimes();
        clReleaseKernel(kernel);
    }
}
