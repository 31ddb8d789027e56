package io.gpulab.tasks;

/**
 * Merges the partial outputs of {@link SieveShards}: counts add up; when the input lists its primes, each shard's
 * primes must reach the sink in shard order, so a backend hands the shards over in order ({@link #list}), whatever
 * order they ran in. A shard whose listing disagrees with its own count is rejected.
 */
public final class SieveMerge {

    /** Passes one finished shard's primes, in ascending order, to a sink, and returns how many it passed. */
    @FunctionalInterface
    public interface Listing {

        /** Emits the shard's primes to {@code sink} in ascending order; returns their number. */
        long emitTo(PrimeSink sink);
    }

    private final SieveShards shards;
    private final PrimeSink sink;
    private long next;
    private long count;

    /** Starts the merge of these shards for this input, whose sink (if any) receives the listing. */
    public SieveMerge(SieveShards shards, SieveInput input) {
        this.shards = shards;
        this.sink = input.sink();
    }

    /** Adds the count of a shard that was only counted; shards may arrive in any order. */
    public void add(long shardCount) {
        count += shardCount;
    }

    /**
     * Lists the next shard, which must be shard number {@code shard} (shards are listed in order), and checks that it
     * listed {@code shardCount} primes.
     *
     * @throws IllegalStateException when a shard arrives out of order or its listing disagrees with its count
     */
    public void list(long shard, long shardCount, Listing listing) {
        if (shard != next) {
            throw new IllegalStateException("sieve shard " + shard + " listed before shard " + next);
        }
        long emitted = listing.emitTo(sink);
        if (emitted != shardCount) {
            throw new IllegalStateException("sieve shard " + shards.describe(shard) + " counted " + shardCount
                    + " primes but listed " + emitted);
        }
        next++;
        count += emitted;
    }

    /** Returns whether the input lists its primes, so that shards must go through {@link #list}. */
    public boolean listing() {
        return sink != null;
    }

    /** Returns the merged output: the number of primes of the whole range. */
    public SieveOutput output() {
        if (sink != null && next != shards.count()) {
            throw new IllegalStateException("sieve listing merged " + next + " of " + shards.count() + " shards");
        }
        return new SieveOutput(count);
    }

    /**
     * Emits the primes marked in a bitmap of all numbers from {@code base} (bit {@code k} of byte {@code i} set when
     * {@code base + 8i + k} is prime), {@code bytes} bytes of it, and returns how many it emitted.
     */
    public static long emitBitmap(long base, byte[] bits, int bytes, PrimeSink sink) {
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
