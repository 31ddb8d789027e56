package io.gpulab.tasks;

import java.util.List;

/**
 * Splits a SHA-256 batch into contiguous shards of messages of about equal work, the one decomposition of the task
 * that every backend drives: shard {@code i} is messages {@code [from(i), to(i))}. Work is counted in compression
 * function calls ({@link #messageBlocks}), so a shard of long messages holds fewer of them. Shards are independent;
 * their partial folds add up and their digests fill their own slices of the batch ({@link Sha256Merge}).
 */
public final class Sha256Shards {

    private final int[] bounds;

    private Sha256Shards(int[] bounds) {
        this.bounds = bounds;
    }

    /**
     * Cuts a batch into at most {@code maxShards} shards (at least one, maybe empty) of at least {@code minBlocks}
     * compression blocks each where the batch is big enough, and at most {@code maxBlocks} where its messages allow.
     */
    public static Sha256Shards of(Sha256Input input, int maxShards, long minBlocks, long maxBlocks) {
        if (maxShards < 1 || minBlocks < 1 || maxBlocks < minBlocks) {
            throw new IllegalArgumentException("sha256 shards need maxShards >= 1 and 1 <= minBlocks <= maxBlocks: "
                    + maxShards + ", " + minBlocks + ", " + maxBlocks);
        }
        int n = input.count();
        long total = totalBlocks(input);
        long wanted = Math.max(Math.min(maxShards, total / minBlocks), total == 0 ? 0 : (total - 1) / maxBlocks + 1);
        int shards = (int) Math.max(1, Math.min(n, wanted));
        int[] bounds = new int[shards + 1];
        bounds[shards] = n;
        if (input instanceof Sha256Input.Synthetic) {
            for (int c = 1; c < shards; c++) {
                bounds[c] = (int) ((long) n * c / shards);
            }
            return new Sha256Shards(bounds);
        }
        List<byte[]> msgs = ((Sha256Input.Messages) input).messages();
        long done = 0;
        int i = 0;
        for (int c = 1; c < shards; c++) {
            long target = total * c / shards;
            while (i < n && done + messageBlocks(msgs.get(i).length, 1) / 2 < target) {
                done += messageBlocks(msgs.get(i).length, 1);
                i++;
            }
            bounds[c] = i;
        }
        return new Sha256Shards(bounds);
    }

    /** Returns the compression-function calls of the whole batch. */
    public static long totalBlocks(Sha256Input input) {
        if (input instanceof Sha256Input.Synthetic s) {
            return (long) s.count() * messageBlocks(s.length(), s.iterations());
        }
        long total = 0;
        for (byte[] m : ((Sha256Input.Messages) input).messages()) {
            total += messageBlocks(m.length, 1);
        }
        return total;
    }

    /** Returns the compression-function calls one message costs: its padded blocks, then one per re-hash. */
    public static long messageBlocks(int length, int iterations) {
        return (length + 9L + 63) / 64 + (iterations - 1L);
    }

    /** Returns the number of shards, at least one. */
    public int count() {
        return bounds.length - 1;
    }

    /** Returns the index of the first message of shard {@code i}. */
    public int from(int i) {
        return bounds[i];
    }

    /** Returns the index after the last message of shard {@code i}. */
    public int to(int i) {
        return bounds[i + 1];
    }

    /**
     * Returns shard {@code i} of {@code whole} (the input this plan was cut from) as an input of its own: for a
     * synthetic batch, the same rule started at the shard's first message and index, which any backend folds
     * exactly as those messages fold in the whole batch; for given messages, the shard's messages.
     */
    public Sha256Input input(Sha256Input whole, int i) {
        if (whole.count() != bounds[bounds.length - 1]) {
            throw new IllegalArgumentException("a plan of " + bounds[bounds.length - 1] + " messages cannot cut a "
                    + "batch of " + whole.count());
        }
        if (whole instanceof Sha256Input.Synthetic s) {
            return new Sha256Input.Synthetic(to(i) - from(i), s.length(), s.iterations(), s.seed() + from(i),
                    s.first() + from(i));
        }
        return new Sha256Input.Messages(((Sha256Input.Messages) whole).messages().subList(from(i), to(i)));
    }

    /** Returns a short description of shard {@code i} for events and errors: {@code messages [from, to)}. */
    public String describe(int i) {
        return "messages [" + from(i) + ", " + to(i) + ")";
    }
}
