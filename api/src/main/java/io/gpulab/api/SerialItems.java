package io.gpulab.api;

/**
 * How a backend runs one item of a batch (a message to hash) when it gives each item one serial thread, far slower
 * than the backend over a whole batch, so that a caller can take the items that would hold up their batch to its
 * own faster serial path on the host ({@link Backend#serialItems}).
 *
 * <p>The model: the backend takes a batch in at {@code batchBytesPerSecond} (its many threads together) but cannot
 * finish before its largest item's one thread, at {@code itemBytesPerSecond}; the host hashes the items taken out one
 * after the other. {@link #toHost} picks how many of the largest items to take out so that the batch's time is
 * least. Items below {@code minBytes} always stay: their thread is done within a few milliseconds, about what a
 * launch's fixed costs and the model's roughness amount to, and a run asked of a backend should run there.
 *
 * @param itemBytesPerSecond the bytes per second one thread hashes of its item
 * @param batchBytesPerSecond the bytes per second the backend takes in over a whole batch of many items
 * @param minBytes the smallest item ever taken out
 */
public record SerialItems(double itemBytesPerSecond, double batchBytesPerSecond, long minBytes) {

    /** Checks that both rates are positive and the floor is not negative. */
    public SerialItems {
        if (!(itemBytesPerSecond > 0) || !(batchBytesPerSecond > 0) || minBytes < 0) {
            throw new IllegalArgumentException("serial items need positive rates and a floor of 0 or more: "
                    + itemBytesPerSecond + ", " + batchBytesPerSecond + ", " + minBytes);
        }
    }

    /**
     * Returns how many of a batch's largest items to hash on the host instead, at {@code hostBytesPerSecond} one
     * after the other: the count {@code k} (only items of at least {@link #minBytes}) that makes the least
     * {@code max(rest / batchRate, largest remaining item / itemRate) + taken / hostRate}, the smallest such count
     * on a tie.
     *
     * @param descending the items' sizes in bytes, largest first
     */
    public int toHost(long[] descending, double hostBytesPerSecond) {
        if (!(hostBytesPerSecond > 0)) {
            throw new IllegalArgumentException("the host rate must be positive: " + hostBytesPerSecond);
        }
        long rest = 0;
        for (long s : descending) {
            rest += s;
        }
        long taken = 0;
        int best = 0;
        double bestTime = time(descending, 0, rest, 0, hostBytesPerSecond);
        for (int k = 1; k <= descending.length && descending[k - 1] >= minBytes; k++) {
            rest -= descending[k - 1];
            taken += descending[k - 1];
            double t = time(descending, k, rest, taken, hostBytesPerSecond);
            if (t < bestTime) {
                best = k;
                bestTime = t;
            }
        }
        return best;
    }

    private double time(long[] descending, int k, long rest, long taken, double hostBytesPerSecond) {
        double largest = k < descending.length ? descending[k] / itemBytesPerSecond : 0;
        return Math.max(rest / batchBytesPerSecond, largest) + taken / hostBytesPerSecond;
    }
}
