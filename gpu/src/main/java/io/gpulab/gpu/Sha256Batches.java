package io.gpulab.gpu;

import io.gpulab.api.DeviceOutOfMemoryException;
import java.util.ArrayList;
import java.util.List;

/** Splits SHA-256 batches into launches whose device buffers each stay within a byte budget. */
public final class Sha256Batches {

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

    /** Returns how many synthetic messages one launch may hash: 32-byte digests within the budget, at most max. */
    public static int syntheticPerLaunch(long budget, int maxPerLaunch) {
        return (int) Math.max(1, Math.min(maxPerLaunch, budget / 32));
    }
}
