package io.gpulab.gpu;

import io.gpulab.api.DeviceOutOfMemoryException;
import io.gpulab.gpu.device.Device;
import io.gpulab.gpu.device.DeviceBuffer;
import io.gpulab.gpu.device.DeviceFunction;
import io.gpulab.gpu.device.KernelSpec;
import io.gpulab.tasks.PrimeSink;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveMerge;
import io.gpulab.tasks.SieveOutput;
import io.gpulab.tasks.SieveShards;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Counts (and lists) primes with {@code sieve.cl} on either runtime: one work-group per segment of {@value #WORDS}
 * x 32 odd numbers, sieved in local memory {@value #CHUNK_WORDS} words at a time; the larger primes are crossed off
 * with local atomics, or by one work-item with plain ORs where {@link Device#serialSieveCrossing} says so.
 *
 * <p>Decomposition: the range is cut into the task's shards ({@link SieveShards}, merged by {@link SieveMerge}), one
 * launch each, on the segment edges of the whole range ({@link SievePlan}). A launch covers at most
 * {@value #MAX_SEGMENTS_PER_LAUNCH} segments and at most {@value #PRIME_VISITS_PER_LAUNCH} sieving-prime visits (the
 * kernel visits every sieving prime past its 4113 carried ones in every chunk), so that it stays far below a display
 * GPU's watchdog (about 2 s) at any range up to 10^18, where 50.8 million sieving primes leave 10 segments per
 * launch; fewer when the count (and, for listing, bitmap) buffers would exceed the device's per-buffer budget. The
 * prime 2 is counted on the host.
 *
 * <p>Host/device traffic: the odd sieving primes up to sqrt(to) are computed on the host and uploaded in
 * {@code prepare}, never inside a timed run unless a run needs more primes than the prepared input, or the device
 * lost them (a CUDA context re-created after a sticky error). They take 4 bytes each (about 200 MB at 10^18) in one
 * buffer every launch reads whole, so they are bounded by the runtime's {@link Device#tableLimit}, not by the budget
 * work is split by, and more is a {@link DeviceOutOfMemoryException}. Counting runs put the launches of a round back
 * to back, each writing its 32-bit segment counts at its own offset of one buffer ({@link LaunchRounds}), and
 * download the round's counts once; listing downloads each launch's counts and segment bitmaps (bit set = prime),
 * and the host emits the primes in ascending order. Buffers are kept across runs, growing when a run needs more.
 */
public final class SieveGpu extends GpuKernel<SieveInput, SieveOutput> {

    /** The kernel: (base, last, primes, nprimes, counts, bitmaps, keep_bitmaps). */
    public static final KernelSpec SEGMENTS = new KernelSpec("sieve", "sieve_segments", "llpippi");
    /** 32-bit words of a segment's bitmap (1 Mi odd numbers): sieve.cl's SIEVE_WORDS. */
    public static final int WORDS = 32768;
    /** 32-bit words of local memory a group sieves at a time (16 KiB): sieve.cl's SIEVE_CHUNK_WORDS. */
    public static final int CHUNK_WORDS = 4096;
    /** Segments per launch at most. */
    public static final int MAX_SEGMENTS_PER_LAUNCH = 256;
    /** Sieving-prime visits (segments x (chunks x primes + bits)) per launch at most, for a display GPU's watchdog. */
    public static final long PRIME_VISITS_PER_LAUNCH = 1L << 32;

    private static final int BITS = WORDS * 32;
    private static final int GROUP = 256;

    private final DeviceFunction kernel;
    private final int groupSize;
    private final SievingPrimeTable table = new SievingPrimeTable();
    private final DeviceBuffer primes;
    private final DeviceBuffer counts;
    private final DeviceBuffer bitmaps;
    private int primesOnDevice;

    /** Builds or loads the kernel and computes and uploads the sieving primes the prepared range needs. */
    SieveGpu(Device device, SieveInput input) {
        super(device);
        this.kernel = device.function(SEGMENTS, Map.of("SIEVE_WORDS", WORDS, "SIEVE_CHUNK_WORDS", CHUNK_WORDS,
                "SIEVE_SERIAL_CROSSING", device.serialSieveCrossing() ? 1 : 0));
        this.groupSize = (int) Math.min(GROUP, device.maxGroupSize(kernel));
        this.primes = device.buffer("sieving primes", DeviceBuffer.Access.IN);
        this.counts = device.buffer("segment counts", DeviceBuffer.Access.OUT);
        this.bitmaps = device.buffer("segment bitmaps", DeviceBuffer.Access.OUT);
        try {
            ensurePrimes(SievePlan.of(input.from(), input.to(), BITS).sievingLimit());
            device.sync();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Returns the segments one launch may cover when {@code nprimes} sieving primes apply. */
    public static int launchCap(int nprimes) {
        long visits = (long) (WORDS / CHUNK_WORDS) * nprimes + BITS;
        return (int) Math.max(1, Math.min(MAX_SEGMENTS_PER_LAUNCH, PRIME_VISITS_PER_LAUNCH / visits));
    }

    @Override
    String describe(SieveInput input) {
        return "sieve [" + input.from() + ", " + input.to() + "]";
    }

    @Override
    SieveOutput compute(SieveInput input) {
        SievePlan whole = SievePlan.of(input.from(), input.to(), BITS);
        int nprimes = whole.segments() > 0 ? ensurePrimes(whole.sievingLimit()) : 0;
        boolean listing = input.sink() != null;
        long budget = device.budget();
        int perLaunch = whole.segments() > 0 ? whole.segmentsPerLaunch(listing, budget, launchCap(nprimes)) : 1;
        SieveShards shards = launches(input, whole, perLaunch);
        SieveMerge merge = new SieveMerge(shards, input);
        String rounds = listing ? list(shards, nprimes, merge) : count(shards, nprimes, perLaunch, merge);
        if (shards.count() > 1) {
            event("sieve split into " + shards.count() + " launches of at most " + perLaunch + " segments (" + BITS
                    + " odd numbers each; " + rounds + "; per-buffer budget " + budget + " bytes)");
        }
        return merge.output();
    }

    /**
     * Returns the task's shards of the range with one launch of at most {@code perLaunch} segments each: shard
     * boundaries every {@code perLaunch} segments from the plan's first odd number, so that every shard has the
     * segment edges of the whole range.
     */
    static SieveShards launches(SieveInput input, SievePlan whole, int perLaunch) {
        if (input.length() == 0 || whole.segments() <= perLaunch) {
            return SieveShards.evenly(input, 1);
        }
        long span = 2L * BITS * perLaunch;
        long count = (whole.segments() + perLaunch - 1) / perLaunch;
        return new SieveShards(input.from(), input.to(), span, whole.base() + span, count);
    }

    /** Counts in rounds of launches, downloading each round's segment counts once; returns the rounds' note. */
    private String count(SieveShards shards, int nprimes, int perLaunch, SieveMerge merge) {
        int perRound = LaunchRounds.perRound(4L * perLaunch, device.budget(), device.offsetAlignment(),
                shards.count());
        counts.ensure(4L * perLaunch * perRound);
        long rounds = 0;
        for (long first = 0; first < shards.count(); first += perRound, rounds++) {
            int launches = (int) Math.min(perRound, shards.count() - first);
            SievePlan[] plans = new SievePlan[launches];
            for (int k = 0; k < launches; k++) {
                plans[k] = plan(shards, first + k);
                launch(plans[k], nprimes, counts.at(4L * perLaunch * k), counts, 0);
            }
            counts.download(0, 4L * perLaunch * (launches - 1) + 4L * plans[launches - 1].segments());
            device.sync();
            ByteBuffer c = counts.host();
            for (int k = 0; k < launches; k++) {
                long n = plans[k].includesTwo() ? 1 : 0;
                for (int s = 0; s < plans[k].segments(); s++) {
                    n += Integer.toUnsignedLong(c.getInt(4 * (perLaunch * k + s)));
                }
                merge.add(n);
                workDone(shards.to(first + k) - shards.from(first + k) + 1);
            }
        }
        return rounds + " download round(s)";
    }

    /** Lists launch by launch: each launch's bitmaps are downloaded and emitted in order before the next. */
    private String list(SieveShards shards, int nprimes, SieveMerge merge) {
        for (long i = 0; i < shards.count(); i++) {
            SievePlan plan = plan(shards, i);
            int n = (int) plan.segments();
            counts.ensure(4L * n);
            bitmaps.ensure(4L * WORDS * n);
            launch(plan, nprimes, counts, bitmaps, 1);
            counts.download(0, 4L * n);
            bitmaps.download(0, 4L * WORDS * n);
            device.sync();
            ByteBuffer c = counts.host();
            long total = plan.includesTwo() ? 1 : 0;
            for (int s = 0; s < n; s++) {
                total += Integer.toUnsignedLong(c.getInt(4 * s));
            }
            int[] words = new int[WORDS * n];
            bitmaps.host().asIntBuffer().get(words);
            merge.list(i, total, sink -> {
                long[] emitted = {0};
                PrimeSink counting = p -> {
                    emitted[0]++;
                    sink.accept(p);
                };
                if (plan.includesTwo()) {
                    counting.accept(2);
                }
                plan.emit(0, words, n, counting);
                return emitted[0];
            });
            workDone(shards.to(i) - shards.from(i) + 1);
        }
        return "listed launch by launch";
    }

    private static SievePlan plan(SieveShards shards, long i) {
        return SievePlan.of(shards.from(i), shards.to(i), BITS);
    }

    private void launch(SievePlan plan, int nprimes, Object countsArg, Object bitmapsArg, int keep) {
        device.launch(kernel, (int) plan.segments(), 1, groupSize, 1, plan.base(), plan.last(), primes, nprimes,
                countsArg, bitmapsArg, keep);
    }

    /**
     * Makes sure the device holds the odd sieving primes up to {@code limit}, computing them on the host when the
     * table lacks some and uploading them when the device lacks them; returns how many of them apply.
     */
    private int ensurePrimes(long limit) {
        int n = table.cover(limit, found -> { });
        int[] all = table.primes();
        long bytes = 4L * all.length;
        if (bytes > device.tableLimit()) {
            throw new DeviceOutOfMemoryException("the " + all.length + " sieving primes up to " + limit, bytes,
                    device.tableLimit());
        }
        boolean lost = primes.ensure(bytes);
        if (lost || primesOnDevice != all.length) {
            primesOnDevice = 0;
            primes.host().asIntBuffer().put(all);
            primes.upload(bytes);
            primesOnDevice = all.length;
        }
        return n;
    }

    /** Returns the device bytes this kernel holds between runs. */
    public long deviceBytes() {
        return primes.capacity() + counts.capacity() + bitmaps.capacity();
    }

    @Override
    public void close() {
        primes.close();
        counts.close();
        bitmaps.close();
        kernel.close();
    }
}
