package io.gpulab.tasks;

/**
 * Splits a sieve range into consecutive shards, the one decomposition of the sieve that every backend drives: shard
 * {@code i} is {@code [from(i), to(i)]}, and the boundaries between shards lie {@link #span} apart from
 * {@code firstBoundary} on. {@link #of} puts them on multiples of the span, so that a backend whose sieve works in
 * fixed segments sees the same segment edges in a shard as in the whole range; {@link #evenly} counts them from
 * {@code from}.
 * Shards are independent; their counts add up and their listings, taken in shard order, list the range in order
 * ({@link SieveMerge}).
 *
 * @param from the first number of the range
 * @param to the last number of the range
 * @param span the numbers of every shard but the first and the last, a multiple of the backend's unit
 * @param firstBoundary where shard 1 starts
 * @param count the number of shards; 0 for an empty range
 */
public record SieveShards(long from, long to, long span, long firstBoundary, long count) {

    /** Checks that the shards cover the range exactly. */
    public SieveShards {
        if (span < 1) {
            throw new IllegalArgumentException("sieve shard span must be positive: " + span);
        }
    }

    /**
     * Cuts {@code [from, to]} into about {@code target} shards of whole units of {@code unit} numbers, each at most
     * {@code maxUnits} units long (and at least one unit), boundaries on multiples of the span.
     */
    public static SieveShards of(SieveInput input, long target, long unit, long maxUnits) {
        if (target < 1 || unit < 1 || maxUnits < 1) {
            throw new IllegalArgumentException("sieve shards need target, unit and maxUnits >= 1: " + target + ", "
                    + unit + ", " + maxUnits);
        }
        long units = input.length() == 0 ? 1 : (input.to() - input.from()) / unit + 1;
        long perShard = Math.max(1, Math.min(maxUnits, (units + target - 1) / target));
        return ofSpan(input, perShard * unit);
    }

    /** Cuts {@code [from, to]} at every multiple of {@code span}. */
    public static SieveShards ofSpan(SieveInput input, long span) {
        long from = input.from();
        long to = input.to();
        if (input.length() == 0) {
            return new SieveShards(from, to, span, from, 0);
        }
        long firstBoundary = from / span * span + span;
        long count = to < firstBoundary ? 1 : (to - firstBoundary) / span + 2;
        return new SieveShards(from, to, span, firstBoundary, count);
    }

    /** Cuts {@code [from, to]} into {@code shards} pieces of {@code ceil(length / shards)} numbers (the last fewer). */
    public static SieveShards evenly(SieveInput input, long shards) {
        if (shards < 1) {
            throw new IllegalArgumentException("sieve shards must number at least 1: " + shards);
        }
        long len = input.length();
        if (len == 0) {
            return new SieveShards(input.from(), input.to(), 1, input.from(), 0);
        }
        long span = (len - 1) / shards + 1;
        return new SieveShards(input.from(), input.to(), span, input.from() + span, (len - 1) / span + 1);
    }

    /** Returns the first number of shard {@code i}. */
    public long from(long i) {
        return i == 0 ? from : firstBoundary + (i - 1) * span;
    }

    /** Returns the last number of shard {@code i}. */
    public long to(long i) {
        return i == count - 1 ? to : firstBoundary + i * span - 1;
    }

    /** Returns shard {@code i} as an input of its own, its primes going to {@code sink} (null to count only). */
    public SieveInput shard(long i, PrimeSink sink) {
        return new SieveInput(from(i), to(i), sink);
    }

    /** Returns a short description of shard {@code i} for events and errors: {@code [from, to]}. */
    public String describe(long i) {
        return "[" + from(i) + ", " + to(i) + "]";
    }
}
