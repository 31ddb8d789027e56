package io.gpulab.cpu.process;

import io.gpulab.api.BackendException;
import io.gpulab.cpu.seq.SieveSeq;
import io.gpulab.tasks.PrimeSink;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts primes on worker JVMs: the range is cut into contiguous sub-ranges, each counted by
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
            int n = shardCount(len, Math.max(MIN_SHARD, perShardSetup), len);
            List<Shard> shards = new ArrayList<>();
            long start = input.from();
            for (int i = 0; i < n; i++) {
                long end = start + len / n + (i < len % n ? 1 : 0) - 1;
                shards.add(new Shard("[" + start + ", " + end + "]", WorkerTasks.sieveCount(start, end)));
                start = end + 1;
            }
            long count = 0;
            for (long c : pool.run("sieve", shards, events)) {
                count += c;
            }
            endPhase("workers");
            return new SieveOutput(count);
        }
        long shardLen = Math.min(len, Math.max(MIN_LIST_SHARD, Math.min(MAX_LIST_SHARD, perShardSetup)));
        shardLen = (shardLen + 7) & ~7L;
        return new SieveOutput(list(input, shardLen, events));
    }

    private long list(SieveInput input, long shardLen, List<String> events) {
        int window = 2 * pool.size();
        int regionBytes = (int) (shardLen / 8);
        byte[] bits = new byte[regionBytes];
        long count = 0;
        try (SharedFile file = SharedFile.create("sieve-bitmap", (long) window * regionBytes)) {
            long start = input.from();
            while (start <= input.to()) {
                List<Shard> shards = new ArrayList<>();
                List<long[]> ranges = new ArrayList<>();
                for (int i = 0; i < window && start <= input.to(); i++) {
                    long end = Math.min(input.to(), start + shardLen - 1);
                    int bytes = (int) ((end - start) / 8 + 1);
                    shards.add(new Shard("[" + start + ", " + end + "]",
                            WorkerTasks.sieveList(start, end, file.path(), (long) i * regionBytes, bytes)));
                    ranges.add(new long[] {start, bytes});
                    start = end + 1;
                    if (end == input.to()) {
                        break;
                    }
                }
                long[] counts = pool.run("sieve", shards, events);
                for (int i = 0; i < shards.size(); i++) {
                    int bytes = (int) ranges.get(i)[1];
                    file.read((long) i * regionBytes, bits, 0, bytes);
                    long emitted = emit(ranges.get(i)[0], bits, bytes, input.sink());
                    if (emitted != counts[i]) {
                        throw new BackendException("sieve shard " + shards.get(i).description() + ": worker counted "
                                + counts[i] + " primes but its bitmap holds " + emitted);
                    }
                    count += emitted;
                }
            }
        }
        endPhase("workers");
        return count;
    }

    private static long emit(long base, byte[] bits, int bytes, PrimeSink sink) {
        long n = 0;
        for (int i = 0; i < bytes; i++) {
            int b = bits[i] & 0xFF;
            while (b != 0) {
                int bit = Integer.numberOfTrailingZeros(b);
                sink.accept(base + 8L * i + bit);
                b &= b - 1;
                n++;
            }
        }
        return n;
    }
}
