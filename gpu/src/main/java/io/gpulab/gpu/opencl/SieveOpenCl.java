package io.gpulab.gpu.opencl;

import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;
import static org.jocl.CL.clReleaseKernel;

import io.gpulab.api.DeviceOutOfMemoryException;
import io.gpulab.api.Kernel;
import io.gpulab.api.Phase;
import io.gpulab.gpu.KernelSources;
import io.gpulab.gpu.SievePlan;
import io.gpulab.gpu.SievingPrimeTable;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveOutput;
import java.util.ArrayList;
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
 * emits the primes in ascending order. The sieving primes of the largest bound so far stay on the device, and the
 * count and bitmap buffers are kept across runs, growing when a run needs more; {@link #close} releases them.
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
    private Map<Phase, Double> phases = Map.of();
    private final SievingPrimeTable table = new SievingPrimeTable();
    private final OpenClBuffer primes;
    private final OpenClBuffer counts;
    private final OpenClBuffer bitmaps;
    private cl_mem primesMem;

    /** Builds (or reuses) the program and uploads the sieving primes the prepared range needs. */
    SieveOpenCl(OpenClBackend backend, SieveInput input) {
        this.backend = backend;
        this.kernel = backend.kernel(KernelSources.SIEVE, "-D SIEVE_WORDS=" + WORDS, "sieve_segments");
        this.groupSize = Math.min(256, backend.maxGroupSize(kernel));
        this.primes = new OpenClBuffer(backend.queue(), CL_MEM_READ_ONLY);
        this.counts = new OpenClBuffer(backend.queue(), CL_MEM_WRITE_ONLY);
        this.bitmaps = new OpenClBuffer(backend.queue(), CL_MEM_WRITE_ONLY);
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
        int perLaunch = plan.segmentsPerLaunch(listing, backend.budget(), MAX_SEGMENTS_PER_LAUNCH);
        OpenClQueue queue = backend.queue();
        cl_mem countsMem = counts.ensure(4L * perLaunch);
        // the kernel writes no bitmap when counting, so the counts buffer stands in for the unused argument
        cl_mem bitmapsMem = listing ? bitmaps.ensure(4L * WORDS * perLaunch) : countsMem;
        int[] segCounts = new int[perLaunch];
        int[] words = listing ? new int[WORDS * perLaunch] : null;
        long count = 0;
        long launches = 0;
        for (long first = 0; first < plan.segments(); first += perLaunch) {
            int n = (int) Math.min(perLaunch, plan.segments() - first);
            OpenClQueue.args(kernel, plan.segmentBase(first), plan.last(), primesMem, nprimes, countsMem,
                    bitmapsMem, listing ? 1 : 0);
            queue.launch(kernel, new long[] {n * groupSize}, new long[] {groupSize});
            queue.read(countsMem, 0, Pointer.to(segCounts), 4L * n);
            for (int s = 0; s < n; s++) {
                count += Integer.toUnsignedLong(segCounts[s]);
            }
            if (listing) {
                queue.read(bitmapsMem, 0, Pointer.to(words), 4L * WORDS * n);
                plan.emit(first, words, n, input.sink());
            }
            launches++;
        }
        if (launches > 1) {
            events.add("sieve split into " + launches + " launches of at most " + perLaunch + " segments ("
                    + BITS + " odd numbers each; per-buffer budget " + backend.budget() + " bytes)");
        }
        return count;
    }

    /** Makes sure the device holds the odd sieving primes up to limit; returns how many of them apply. */
    private int ensurePrimes(long limit) {
        return table.cover(limit, found -> {
            long bytes = 4L * found.length;
            if (bytes > backend.budget()) {
                throw new DeviceOutOfMemoryException("the " + found.length + " sieving primes up to " + limit,
                        bytes, backend.budget());
            }
            primesMem = primes.ensure(bytes);
            // uploaded at prepare time or when a later run needs more primes; counted in that run's upload phase
            backend.queue().write(primesMem, 0, Pointer.to(found), bytes);
        });
    }

    /** Returns the device bytes this kernel holds between runs. */
    long deviceBytes() {
        return primes.capacity() + counts.capacity() + bitmaps.capacity();
    }

    @Override
    public Map<Phase, Double> phases() {
        return phases;
    }

    @Override
    public List<String> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        primes.close();
        counts.close();
        bitmaps.close();
        clReleaseKernel(kernel);
    }
}
