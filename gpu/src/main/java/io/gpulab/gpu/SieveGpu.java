package io.gpulab.gpu;

import io.gpulab.api.BackendException;
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
 * with local atomics, or by one work-item with plain ORs where {@link Device#serialSieveCrossing} says so. The primes
 * above a chunk's span ({@value #CHUNK_BITS} odd numbers, each crossing a chunk at most once) are bucketed: before
 * each sieve launch, {@code sieve_buckets} appends each of their multiples in the launch to its chunk's bucket (one
 * modulo per prime per launch instead of one per prime and chunk), and the sieve crosses its chunk's entries.
 *
 * <p>Decomposition: the range is cut into the task's shards ({@link SieveShards}, merged by {@link SieveMerge}), one
 * launch each, on the segment edges of the whole range ({@link SievePlan}). A launch covers at most
 * {@value #MAX_SEGMENTS_PER_LAUNCH} segments and at most {@value #PRIME_VISITS_PER_LAUNCH} visits ({@link
 * #launchCap}: the fill's one per bucketed prime, the per-chunk primes in every chunk, every bucket entry written and
 * read), so that it stays far below a display GPU's watchdog (about 2 s) at any range up to 10^18, where 256
 * segments per launch stay within it; fewer when the count (and, for listing, bitmap) buffers or the buckets would
 * exceed the device's per-buffer budget. A bucket holds {@code cap} entries: the expected hits plus a margin,
 * clamped to the bucketed primes; a launch whose bucket overflowed (its segment counts say so) is sieved again with
 * the cap doubled, so an overflow costs time, never a wrong count. Where not even one segment's buckets fit the
 * budget, the large primes are visited per chunk instead, and the run's events say so. The prime 2 is counted on the
 * host.
 *
 * <p>Host/device traffic: the odd sieving primes up to sqrt(to) are computed on the host and uploaded in
 * {@code prepare}, never inside a timed run unless a run needs more primes than the prepared input, or the device
 * lost them (a CUDA context re-created after a sticky error). They take 4 bytes each (about 200 MB at 10^18) in one
 * buffer every launch reads whole, so they are bounded by the runtime's {@link Device#tableLimit}, not by the budget
 * work is split by, and more is a {@link DeviceOutOfMemoryException}. The buckets (4 bytes per entry) and their fill
 * counters stay on the device; the counters are zeroed by an upload in {@code prepare} (or after a failed run) and
 * by each sieve launch for the next. Counting runs put the launches of a round back to back, each writing its
 * 32-bit segment counts at its own offset of one buffer ({@link LaunchRounds}), and download the round's counts
 * once; listing downloads each launch's counts and segment bitmaps (bit set = prime), and the host emits the primes
 * in ascending order. Buffers are kept across runs, growing when a run needs more.
 */
public final class SieveGpu extends GpuKernel<SieveInput, SieveOutput> {

    /**
     * The sieve kernel: (base, last, primes, nprimes, kb, counts, bitmaps, keep_bitmaps, fill, hits, cap), kb the
     * first bucketed prime (nprimes for none).
     */
    public static final KernelSpec SEGMENTS = new KernelSpec("sieve", "sieve_segments", "llpiippippi");
    /** The bucket fill: (base, last, primes, kb, nprimes, run_chunks, fill, hits, cap). */
    public static final KernelSpec BUCKETS = new KernelSpec("sieve", "sieve_buckets", "llpiiippi");
    /** 32-bit words of a segment's bitmap (1 Mi odd numbers): sieve.cl's SIEVE_WORDS. */
    public static final int WORDS = 32768;
    /** 32-bit words of local memory a group sieves at a time (16 KiB): sieve.cl's SIEVE_CHUNK_WORDS. */
    public static final int CHUNK_WORDS = 4096;
    /** Chunks per segment, each with its own bucket. */
    public static final int CHUNKS = WORDS / CHUNK_WORDS;
    /** Odd numbers per chunk: primes above it cross a chunk at most once and are bucketed. */
    public static final int CHUNK_BITS = CHUNK_WORDS * 32;
    /** Segments per launch at most. */
    public static final int MAX_SEGMENTS_PER_LAUNCH = 256;
    /**
     * Visits per launch at most, for a display GPU's watchdog: sieving-prime visits (per chunk, or one per bucketed
     * prime in the fill), bucket entries (written and read) and bits.
     */
    public static final long PRIME_VISITS_PER_LAUNCH = 1L << 32;
    /** The carried tier's primes (the 17 pattern primes and sieve.cl's SIEVE_CARRY), never visited per chunk. */
    static final int CARRIED = 17 + 4096;

    private static final int BITS = WORDS * 32;
    private static final int GROUP = 256;
    /**
     * Work-groups of a CPU device's bucket fill per launch at most: each computes every bucketed prime's start once
     * (one modulo each), so fewer where there are few entries per bucketed prime ({@link #cpuFillGroups}).
     */
    private static final int CPU_FILL_GROUPS = 8;
    /** sieve.cl's SIEVE_OVERFLOW: a segment whose bucket lost entries. */
    private static final int OVERFLOW = -1;

    private final DeviceFunction kernel;
    private final DeviceFunction fill;
    private final int groupSize;
    private final int fillGroupSize;
    private final SievingPrimeTable table = new SievingPrimeTable();
    private final DeviceBuffer primes;
    private final DeviceBuffer counts;
    private final DeviceBuffer bitmaps;
    private final DeviceBuffer fills;
    private final DeviceBuffer hits;
    private final int firstCap;
    private int primesOnDevice;
    /** True when the fill counters on the device may be other than zero (new, or a run failed). */
    private boolean fillsDirty = true;

    /** Builds or loads the kernels and computes and uploads the sieving primes the prepared range needs. */
    SieveGpu(Device device, SieveInput input) {
        this(device, input, 0);
    }

    /**
     * As {@link #SieveGpu(Device, SieveInput)}, with every launch's first bucket cap {@code firstCap} entries per
     * chunk instead of the expected hits plus a margin (0), so that a test can force the overflow-and-retry path.
     */
    SieveGpu(Device device, SieveInput input, int firstCap) {
        super(device);
        this.firstCap = firstCap;
        Map<String, Integer> defines = Map.of("SIEVE_WORDS", WORDS, "SIEVE_CHUNK_WORDS", CHUNK_WORDS,
                "SIEVE_SERIAL_CROSSING", device.serialSieveCrossing() ? 1 : 0);
        this.kernel = device.function(SEGMENTS, defines);
        this.fill = device.function(BUCKETS, defines);
        this.groupSize = (int) Math.min(GROUP, device.maxGroupSize(kernel));
        this.fillGroupSize = (int) Math.min(GROUP, device.maxGroupSize(fill));
        this.primes = device.buffer("sieving primes", DeviceBuffer.Access.IN);
        this.counts = device.buffer("segment counts", DeviceBuffer.Access.OUT);
        this.bitmaps = device.buffer("segment bitmaps", DeviceBuffer.Access.OUT);
        this.fills = device.buffer("bucket fills", DeviceBuffer.Access.IN);
        this.hits = device.buffer("bucket hits", DeviceBuffer.Access.SCRATCH);
        try {
            SievePlan whole = SievePlan.of(input.from(), input.to(), BITS);
            int nprimes = ensurePrimes(whole.sievingLimit());
            if (whole.segments() > 0) {
                Layout layout = layout(whole, nprimes, input.sink() != null);
                ensureBuckets(layout.perLaunch(), layout.tiers(), true);
            } else {
                ensureBuckets(1, Tiers.none(0), true);
            }
            fillsDirty = false;
            device.sync();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * How a run's sieving primes split: the first {@code kb} are crossed per chunk (past the carried ones), the
     * rest through buckets of {@code cap} entries per chunk, where {@code hits} are expected.
     */
    record Tiers(int nprimes, int kb, int cap, long hits) {

        static Tiers none(int nprimes) {
            return new Tiers(nprimes, nprimes, 1, 0);
        }

        boolean bucketed() {
            return kb < nprimes;
        }

        /** Returns the primes crossed per chunk (after the carried ones). */
        int perChunk() {
            return Math.max(0, kb - Math.min(kb, CARRIED));
        }

        /** Returns the bytes of one segment's buckets, 0 when nothing is bucketed. */
        long bucketBytes(long cap) {
            return bucketed() ? 4L * CHUNKS * cap : 0;
        }

        /** Returns the segments one launch may cover for the watchdog. */
        int watchdogCap() {
            return launchCap(perChunk(), nprimes - kb, bucketed() ? cap : 0);
        }
    }

    /** A run's tiers and the segments per launch. */
    record Layout(Tiers tiers, int perLaunch, String note) {
    }

    /**
     * Returns the segments one launch may cover when {@code perChunkPrimes} sieving primes are visited in every
     * chunk (past the carried ones), {@code bucketPrimes} once per launch by the fill, and {@code hitsPerChunk}
     * bucket entries are written and read per chunk: as many as keep the visits within
     * {@value #PRIME_VISITS_PER_LAUNCH}, at least 1 and at most {@value #MAX_SEGMENTS_PER_LAUNCH}.
     */
    public static int launchCap(long perChunkPrimes, long bucketPrimes, long hitsPerChunk) {
        long perSegment = CHUNKS * (perChunkPrimes + 2 * hitsPerChunk) + BITS;
        long left = Math.max(0, PRIME_VISITS_PER_LAUNCH - bucketPrimes);
        return (int) Math.max(1, Math.min(MAX_SEGMENTS_PER_LAUNCH, left / perSegment));
    }

    /**
     * Returns the bucket entries a chunk is expected to receive from the odd primes in [first, limit]: each prime p
     * hits one of a chunk's {@value #CHUNK_BITS} odd numbers with probability 1/p, and the sum of 1/p over those
     * primes is ln ln limit - ln ln first (Mertens; within 0.2% of the exact sum from 2^17 to 10^6).
     */
    static double expectedHits(long first, long limit) {
        if (limit < first || first < 3) {
            return 0;
        }
        return CHUNK_BITS * Math.max(0, Math.log(Math.log(limit)) - Math.log(Math.log(first)));
    }

    /** Returns the first bucket cap for an expectation: the mean plus 5% and 6 standard deviations, plus 256. */
    static long capFor(double expected) {
        return (long) Math.ceil(expected * 1.05 + 6 * Math.sqrt(expected) + 256);
    }

    @Override
    String describe(SieveInput input) {
        return "sieve [" + input.from() + ", " + input.to() + "]";
    }

    private Layout layout(SievePlan whole, int nprimes, boolean listing) {
        long budget = device.budget();
        int kb = Math.min(nprimes, table.countUpTo(CHUNK_BITS));
        Tiers tiers = Tiers.none(nprimes);
        String note = "no bucketed primes";
        if (kb < nprimes) {
            long hitsPerChunk = (long) Math.ceil(expectedHits(table.primes()[kb], whole.sievingLimit()));
            long cap = Math.min(nprimes - kb, firstCap > 0 ? firstCap : capFor(hitsPerChunk));
            Tiers bucketed = new Tiers(nprimes, kb, (int) cap, hitsPerChunk);
            if (bucketed.bucketBytes(cap) <= budget) {
                tiers = bucketed;
                note = (nprimes - kb) + " primes bucketed, " + cap + " entries per chunk";
            } else {
                note = "the primes above " + CHUNK_BITS + " visited per chunk: one segment's buckets ("
                        + bucketed.bucketBytes(cap) + " bytes) exceed the budget";
            }
        }
        int perLaunch = whole.segmentsPerLaunch(listing, budget, tiers.watchdogCap());
        if (tiers.bucketed()) {
            perLaunch = (int) Math.max(1, Math.min(perLaunch, budget / tiers.bucketBytes(tiers.cap())));
        }
        return new Layout(tiers, perLaunch, note);
    }

    @Override
    SieveOutput compute(SieveInput input) {
        SievePlan whole = SievePlan.of(input.from(), input.to(), BITS);
        int nprimes = whole.segments() > 0 ? ensurePrimes(whole.sievingLimit()) : 0;
        boolean listing = input.sink() != null;
        long budget = device.budget();
        Layout layout = whole.segments() > 0 ? layout(whole, nprimes, listing) : new Layout(Tiers.none(0), 1, "");
        int perLaunch = layout.perLaunch();
        SieveShards shards = launches(input, whole, perLaunch);
        SieveMerge merge = new SieveMerge(shards, input);
        ensureBuckets(perLaunch, layout.tiers(), true);
        fillsDirty = true; /* until the run ends well: each sieve launch zeroes the fills it reads */
        String rounds = listing ? list(shards, layout.tiers(), merge) : count(shards, layout.tiers(), perLaunch, merge);
        fillsDirty = false;
        if (shards.count() > 1) {
            event("sieve split into " + shards.count() + " launches of at most " + perLaunch + " segments (" + BITS
                    + " odd numbers each; " + rounds + "; " + layout.note() + "; per-buffer budget " + budget
                    + " bytes)");
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
    private String count(SieveShards shards, Tiers tiers, int perLaunch, SieveMerge merge) {
        int perRound = LaunchRounds.perRound(4L * perLaunch, device.budget(), device.offsetAlignment(),
                shards.count());
        counts.ensure(4L * perLaunch * perRound);
        long rounds = 0;
        for (long first = 0; first < shards.count(); first += perRound, rounds++) {
            int launches = (int) Math.min(perRound, shards.count() - first);
            SievePlan[] plans = new SievePlan[launches];
            for (int k = 0; k < launches; k++) {
                plans[k] = plan(shards, first + k);
                launch(plans[k], tiers, tiers.cap(), counts.at(4L * perLaunch * k), counts, 0);
            }
            counts.download(0, 4L * perLaunch * (launches - 1) + 4L * plans[launches - 1].segments());
            device.sync();
            int[] c = new int[perLaunch * launches];
            counts.host().asIntBuffer().get(c, 0, perLaunch * (launches - 1) + (int) plans[launches - 1].segments());
            for (int k = 0; k < launches; k++) {
                int at = perLaunch * k;
                int n = (int) plans[k].segments();
                if (overflowed(c, at, n)) {
                    sieveAgain(plans[k], tiers, tiers.cap(), c, at, null);
                }
                long total = plans[k].includesTwo() ? 1 : 0;
                for (int s = 0; s < n; s++) {
                    total += Integer.toUnsignedLong(c[at + s]);
                }
                merge.add(total);
                workDone(shards.to(first + k) - shards.from(first + k) + 1);
            }
        }
        return rounds + " download round(s)";
    }

    /** Lists launch by launch: each launch's bitmaps are downloaded and emitted in order before the next. */
    private String list(SieveShards shards, Tiers tiers, SieveMerge merge) {
        for (long i = 0; i < shards.count(); i++) {
            SievePlan plan = plan(shards, i);
            int n = (int) plan.segments();
            counts.ensure(4L * n);
            bitmaps.ensure(4L * WORDS * n);
            launch(plan, tiers, tiers.cap(), counts, bitmaps, 1);
            counts.download(0, 4L * n);
            bitmaps.download(0, 4L * WORDS * n);
            device.sync();
            int[] c = new int[n];
            counts.host().asIntBuffer().get(c);
            int[] words = new int[WORDS * n];
            bitmaps.host().asIntBuffer().get(words);
            if (overflowed(c, 0, n)) {
                sieveAgain(plan, tiers, tiers.cap(), c, 0, words);
            }
            long total = plan.includesTwo() ? 1 : 0;
            for (int s = 0; s < n; s++) {
                total += Integer.toUnsignedLong(c[s]);
            }
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

    private static boolean overflowed(int[] c, int at, int n) {
        for (int s = 0; s < n; s++) {
            if (c[at + s] == OVERFLOW) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sieves a launch's segments again after a bucket overflowed, with the cap doubled (at most the bucketed
     * primes, at which no bucket can overflow), in launches of as many segments as the per-buffer budget holds at
     * that cap (without buckets, in watchdog-sized launches, should one segment's not fit), each run again in turn
     * should it overflow too; writes the segment counts over {@code c[at ...]} and, when {@code words} is not null,
     * the bitmaps over {@code words[at * WORDS ...]}. The prime 2 is left to the caller.
     */
    private void sieveAgain(SievePlan plan, Tiers tiers, int failedCap, int[] c, int at, int[] words) {
        int cap = (int) Math.min(2L * failedCap, tiers.nprimes() - tiers.kb());
        Tiers t = tiers.bucketBytes(cap) <= device.budget() ? tiers : Tiers.none(tiers.nprimes());
        long per = t.bucketed() ? Math.min(device.budget() / t.bucketBytes(cap), t.watchdogCap()) : t.watchdogCap();
        per = Math.max(1, Math.min(per, plan.segments()));
        event("sieve bucket overflow (over " + failedCap + " entries in a chunk): " + plan.segments()
                + " segment(s) from " + plan.base() + " sieved again "
                + (t.bucketed() ? "with " + cap + " entries per chunk" : "without buckets"));
        ensureBuckets(per, t.bucketed() ? new Tiers(t.nprimes(), t.kb(), cap, t.hits()) : t, false);
        counts.ensure(4L * per);
        if (words != null) {
            bitmaps.ensure(4L * WORDS * per);
        }
        for (long s = 0; s < plan.segments(); s += per) {
            long end = Math.min(plan.segments(), s + per);
            SievePlan sub = SievePlan.of(plan.segmentBase(s), Math.min(plan.last(), plan.segmentBase(end) - 2), BITS);
            int n = (int) sub.segments();
            launch(sub, t, cap, counts, words != null ? bitmaps : counts, words != null ? 1 : 0);
            counts.download(0, 4L * n);
            if (words != null) {
                bitmaps.download(0, 4L * WORDS * n);
            }
            device.sync();
            int from = at + (int) s;
            counts.host().asIntBuffer().get(c, from, n);
            if (words != null) {
                bitmaps.host().asIntBuffer().get(words, from * WORDS, n * WORDS);
            }
            if (overflowed(c, from, n)) {
                if (!t.bucketed() || cap >= tiers.nprimes() - tiers.kb()) {
                    throw new BackendException("sieve: a bucket overflowed at its hard bound of " + cap
                            + " entries, which no range can reach (a kernel fault)");
                }
                sieveAgain(sub, tiers, cap, c, from, words);
            }
        }
    }

    private static SievePlan plan(SieveShards shards, long i) {
        return SievePlan.of(shards.from(i), shards.to(i), BITS);
    }

    /**
     * Makes room for the buckets of {@code segments} segments at the tiers' cap, and zeroes the fill counters when
     * they were reallocated, or at a run's start when an earlier run failed (each sieve launch zeroes the fills it
     * reads, so a run that ends well leaves them zero, and a later run uploads nothing).
     */
    private void ensureBuckets(long segments, Tiers tiers, boolean runStart) {
        boolean lost = fills.ensure(4L * CHUNKS * segments);
        hits.ensure(Math.max(4, segments * tiers.bucketBytes(tiers.cap())));
        if (lost || (runStart && fillsDirty)) {
            ByteBuffer h = fills.host();
            for (int i = 0; i < fills.capacity() / 4; i++) {
                h.putInt(4 * i, 0);
            }
            fills.upload(fills.capacity());
        }
    }

    /**
     * Returns the work-groups of a CPU device's fill for a launch of {@code segments} segments: at most
     * {@value #CPU_FILL_GROUPS} and at least 2 (both cores of a small machine), and few enough that the groups'
     * modulos (about 30 cycles each, one per bucketed prime and group) stay near a quarter of the appends (about 10
     * cycles each): 8 near 10^12 (about 650 entries per bucketed prime and launch), 2 near 10^18 (about 3). Measured
     * on PoCL for [10^18 - 10^9, 10^18]: 2 groups 4.0 to 4.2 user CPU-s, 8 groups 6.0 to 6.1.
     */
    static int cpuFillGroups(long segments, Tiers tiers) {
        double entries = (double) segments * CHUNKS * tiers.hits();
        long groups = (long) (entries / (12.0 * (tiers.nprimes() - tiers.kb())));
        return (int) Math.max(1, Math.min(segments, Math.max(2, Math.min(CPU_FILL_GROUPS, groups))));
    }

    /** Enqueues the launch's bucket fill (when it buckets) and its sieve. */
    private void launch(SievePlan plan, Tiers tiers, int cap, Object countsArg, Object bitmapsArg, int keep) {
        if (tiers.bucketed()) {
            int runChunks = 0;
            int groups;
            int local;
            if (device.serialSieveCrossing()) {
                int most = cpuFillGroups(plan.segments(), tiers);
                long runSegments = (plan.segments() + most - 1) / most;
                runChunks = (int) (CHUNKS * runSegments);
                groups = (int) ((plan.segments() + runSegments - 1) / runSegments);
                local = 1;
            } else {
                int n = tiers.nprimes() - tiers.kb();
                groups = (n + fillGroupSize - 1) / fillGroupSize;
                local = fillGroupSize;
            }
            device.launch(fill, groups, 1, local, 1, plan.base(), plan.last(), primes, tiers.kb(), tiers.nprimes(),
                    runChunks, fills, hits, cap);
        }
        device.launch(kernel, (int) plan.segments(), 1, groupSize, 1, plan.base(), plan.last(), primes,
                tiers.nprimes(), tiers.kb(), countsArg, bitmapsArg, keep, fills, hits, cap);
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
        return primes.capacity() + counts.capacity() + bitmaps.capacity() + fills.capacity() + hits.capacity();
    }

    @Override
    public void close() {
        primes.close();
        counts.close();
        bitmaps.close();
        fills.close();
        hits.close();
        kernel.close();
        fill.close();
    }
}
