package io.gpulab.cpu.process;

import io.gpulab.api.BackendException;
import io.gpulab.api.Phase;
import io.gpulab.cpu.seq.SieveSeq;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveMerge;
import io.gpulab.tasks.SieveOutput;
import io.gpulab.tasks.SieveShards;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts primes on worker JVMs: the range is cut into the task's shards ({@link SieveShards#evenly}), each counted by
 * {@code SieveSeq.count(from, to, null)} in a worker; only the two bounds and the count cross the control channel.
 *
 * <p>Listing streams the primes in order with bounded memory: the range is processed in windows of
 * {@code 2 x workers} shards; each worker sets one bit per prime of its shard in its own region of a shared bitmap
 * file, and the parent then walks the regions in shard order and hands each prime to the sink. A region whose bit
 * count differs from the count its worker reported is rejected.
 */
final class SieveProcess extends ProcessKernel<SieveInput, SieveOutput> {

    /** The smallest counting shard: below this, starting a shard costs more than it saves. */
    private static final long MIN_SHARD = 1L << 24;
    private static final long MIN_LIST_SHARD = 1L << 23;
    private static final long MAX_LIST_SHARD = 1L << 28;

    /** Creates the kernel on this pool. */
    SieveProcess(WorkerPool pool, int fixedShards) {
        super(pool, fixedShards);
    }

    @Override
    public SieveOutput run(SieveInput input) {
        List<String> events = beginRun();
        long len = input.length();
        if (len == 0) {
            return new SieveOutput(0);
        }
        // every shard builds the sieving primes up to sqrt(to) again, so a shard must be long compared with that
        long perShardSetup = 64 * SieveSeq.isqrt(input.to());
        if (input.sink() == null) {
            SieveShards shards = SieveShards.evenly(input, shardCount(len, Math.max(MIN_SHARD, perShardSetup), len));
            List<Shard> work = new ArrayList<>();
            for (int i = 0; i < shards.count(); i++) {
                work.add(new Shard(shards.describe(i), WorkerTasks.sieveCount(shards.from(i), shards.to(i))));
            }
            SieveMerge merge = new SieveMerge(shards, input);
            for (long c : pool.run("sieve", work, events)) {
                merge.add(c);
            }
            endPhase(Phase.WORKERS);
            return merge.output();
        }
        long shardLen = Math.min(len, Math.max(MIN_LIST_SHARD, Math.min(MAX_LIST_SHARD, perShardSetup)));
        shardLen = (shardLen + 7) & ~7L;
        SieveShards shards = SieveShards.ofSpan(input, shardLen);
        SieveMerge merge = new SieveMerge(shards, input);
        list(shards, merge, events);
        return merge.output();
    }

    /** Runs the listing shards in windows of two per worker, each window's bitmaps merged in shard order. */
    private void list(SieveShards shards, SieveMerge merge, List<String> events) {
        int window = 2 * pool.size();
        int regionBytes = (int) (shards.span() / 8);
        byte[] bits = new byte[regionBytes];
        try (SharedFile file = SharedFile.create("sieve-bitmap", (long) window * regionBytes)) {
            for (long first = 0; first < shards.count(); first += window) {
                int n = (int) Math.min(window, shards.count() - first);
                List<Shard> work = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    long s = first + i;
                    int bytes = (int) ((shards.to(s) - shards.from(s)) / 8 + 1);
                    work.add(new Shard(shards.describe(s), WorkerTasks.sieveList(shards.from(s), shards.to(s),
                            file.path(), (long) i * regionBytes, bytes)));
                }
                long[] counts = pool.run("sieve", work, events);
                for (int i = 0; i < n; i++) {
                    long s = first + i;
                    int bytes = (int) ((shards.to(s) - shards.from(s)) / 8 + 1);
                    file.read((long) i * regionBytes, bits, 0, bytes);
                    try {
                        merge.list(s, counts[i], sink -> SieveMerge.emitBitmap(shards.from(s), bits, bytes, sink));
                    } catch (IllegalStateException e) {
                        throw new BackendException("sieve worker: " + e.getMessage(), e);
                    }
                }
            }
        }
        endPhase(Phase.WORKERS);
    }
}
