package io.gpulab.cli.auto;

import io.gpulab.api.SerialItems;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Which files of a SHA-256 batch go to the JDK's SHA-256 on the host instead of a backend that hashes each file on
 * one serial thread ({@link io.gpulab.api.Backend#serialItems}): the one decision that {@code run sha256} applies
 * to every batch and that {@code --backend auto} predicts from the same file sizes.
 */
public final class HostRouting {

    /**
     * The JDK's SHA-256 on one core, in bytes per second, for routing: 1.15 GB/s measured with SHA-NI (JDK 17's
     * intrinsic) on a Xeon of 2026, rounded down.
     */
    public static final double HOST_BYTES_PER_SECOND = 1e9;

    private HostRouting() {
    }

    /**
     * Returns, per file of a batch in the given order, whether it goes to the host: the largest ones that
     * {@link SerialItems#toHost} takes out at {@link #HOST_BYTES_PER_SECOND} (of equal sizes, the first ones).
     *
     * @param serial how the backend runs one file
     * @param sizes the batch's file sizes in bytes, in any order
     */
    public static boolean[] toHost(SerialItems serial, long[] sizes) {
        Integer[] largestFirst = new Integer[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            largestFirst[i] = i;
        }
        Arrays.sort(largestFirst, Comparator.comparingLong((Integer i) -> sizes[i]).reversed());
        long[] descending = new long[sizes.length];
        for (int j = 0; j < sizes.length; j++) {
            descending[j] = sizes[largestFirst[j]];
        }
        int k = serial.toHost(descending, HOST_BYTES_PER_SECOND);
        boolean[] host = new boolean[sizes.length];
        for (int j = 0; j < k; j++) {
            host[largestFirst[j]] = true;
        }
        return host;
    }
}
