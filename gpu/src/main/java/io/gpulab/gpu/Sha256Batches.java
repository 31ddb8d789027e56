package io.gpulab.gpu;

import io.gpulab.api.DeviceOutOfMemoryException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits SHA-256 batches into launches whose device buffers each stay within a byte budget: given messages by their
 * bytes, offsets and digests; synthetic batches by their partial folds, 32 bytes per work-group.
 */
public final class Sha256Batches {

    /** Messages per launch at most, to keep each launch short (and every 32-bit index far from overflow). */
    public static final int MAX_PER_LAUNCH = 1 << 20;

    private Sha256Batches() {
    }

    /**
     * Returns the launches of given messages as {@code {from, to}} index ranges, in order: each launch's packed
     * bytes, 8-byte offsets and 32-byte digests stay within {@code budget} bytes and it holds at most
     * {@code maxPerLaunch} messages.
     *
     * @throws DeviceOutOfMemoryException when one message alone exceeds the budget
     */
    public static List<int[]> split(List<byte[]> messages, long budget, int maxPerLaunch) {
        List<int[]> launches = new ArrayList<>();
        int from = 0;
        long bytes = 0;
        for (int i = 0; i < messages.size(); i++) {
            long len = messages.get(i).length;
            if (len > budget) {
                throw new DeviceOutOfMemoryException("sha256 message " + i + " (" + len + " bytes)", len, budget);
            }
            int count = i - from + 1;
            if (i > from && (bytes + len > budget || 32L * count > budget || count > maxPerLaunch)) {
                launches.add(new int[] {from, i});
                from = i;
                bytes = 0;
            }
            bytes += len;
        }
        if (from < messages.size()) {
            launches.add(new int[] {from, messages.size()});
        }
        return launches;
    }

    /**
     * Returns how many synthetic messages one launch may hash: at most {@code maxPerLaunch}, and few enough groups of
     * {@code group} messages that their 32-byte partial folds stay within the budget.
     */
    public static int syntheticPerLaunch(long budget, int group, int maxPerLaunch) {
        long groups = Math.max(1, budget / 32);
        return (int) Math.max(1, Math.min(maxPerLaunch, groups * group));
    }

    /** Returns the work-groups (blocks) a launch of {@code n} messages needs: {@code ceil(n / group)}. */
    public static int groups(int n, int group) {
        return (int) (((long) n + group - 1) / group);
    }

    /** Returns the budget to split given messages by: packing happens in one Java array, which holds under 2^31. */
    public static long packingBudget(long budget) {
        return Math.min(budget, Integer.MAX_VALUE - 8);
    }
}
