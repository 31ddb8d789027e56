package io.gpulab.tasks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Merges the partial outputs of {@link Sha256Shards}: a synthetic batch's shards each return a partial
 * {@link Sha256Fold}, added in any order; given messages' shards write their 32-byte digests into their own slice
 * of {@link #digests()} (message {@code i} at byte {@code 32 i}), folded once at the end.
 *
 * <p>Partial folds may arrive from several threads at once: {@link #add} is synchronized; the digest slices of
 * different shards do not overlap.
 */
public final class Sha256Merge {

    private final Sha256Input input;
    private final Sha256Fold fold = new Sha256Fold();
    private final byte[] digests;

    /** Starts the merge of a batch; for given messages, allocates the array of all their digests. */
    public Sha256Merge(Sha256Input input) {
        this.input = input;
        this.digests = input instanceof Sha256Input.Messages
                ? new byte[Math.multiplyExact(input.count(), Sha256Fold.BYTES)] : null;
    }

    /** Adds the partial fold of one shard of a synthetic batch. */
    public synchronized void add(Sha256Fold partial) {
        fold.add(partial);
    }

    /** Adds the partial fold of one shard given as its four lanes, as a device or a worker reports it. */
    public synchronized void addLanes(long lane0, long lane1, long lane2, long lane3) {
        fold.addLanes(lane0, lane1, lane2, lane3);
    }

    /**
     * Returns the array every shard of given messages writes its digests into, message {@code i} at {@code 32 i}.
     *
     * @throws IllegalStateException for a synthetic batch, which merges folds only
     */
    public byte[] digests() {
        if (digests == null) {
            throw new IllegalStateException("a synthetic sha256 batch merges partial folds, not digests");
        }
        return digests;
    }

    /** Returns the merged output: the fold of the whole batch and, for given messages, each digest. */
    public Sha256Output output() {
        if (digests == null) {
            synchronized (this) {
                return new Sha256Output(fold.toBytes(), List.of());
            }
        }
        return output(input, digests);
    }

    /** Returns the output of a batch whose digests lie back to back in {@code digests}, 32 bytes each. */
    public static Sha256Output output(Sha256Input input, byte[] digests) {
        Sha256Fold f = new Sha256Fold();
        f.addAll(input instanceof Sha256Input.Synthetic s ? s.first() : 0, digests, 0, input.count());
        List<byte[]> each = new ArrayList<>();
        if (input instanceof Sha256Input.Messages) {
            for (int i = 0; i < input.count(); i++) {
                each.add(Arrays.copyOfRange(digests, i * Sha256Fold.BYTES, (i + 1) * Sha256Fold.BYTES));
            }
        }
        return new Sha256Output(f.toBytes(), each);
    }
}
