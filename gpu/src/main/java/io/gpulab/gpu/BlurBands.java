package io.gpulab.gpu;

import io.gpulab.api.BackendException;
import io.gpulab.api.DeviceOutOfMemoryException;
import io.gpulab.tasks.BlurShards;
import java.util.List;

/**
 * Sizes the blur's bands ({@link BlurShards}, the task's one decomposition) for a device: each band uploads its rows
 * plus a halo of {@code radius} rows above and below (clipped to the image), and the largest device buffer, the
 * row-pass output of those rows (16-bit fixed point, two bytes per sample), must fit a byte budget.
 */
public final class BlurBands {

    private BlurBands() {
    }

    /** Returns the bytes of the largest device buffer per uploaded row: the 16-bit row-pass output. */
    public static long bytesPerRow(int width, int channels) {
        return 2L * width * channels;
    }

    /**
     * Returns the bands of image {@code image}, top to bottom, so that {@code srcRows * bytesPerRow <= budget} and
     * {@code srcRows <= maxSrcRows} (a launch-grid limit of the runtime); one band when the image fits.
     *
     * @throws DeviceOutOfMemoryException when even one output row with its halo exceeds the budget
     * @throws BackendException when one output row with its halo exceeds {@code maxSrcRows}
     */
    public static List<BlurShards.Band> plan(int image, int width, int height, int channels, int radius, long budget,
            int maxSrcRows) {
        long rowBytes = bytesPerRow(width, channels);
        int minRows = (int) Math.min(height, 1L + 2L * radius);
        if (maxSrcRows < minRows) {
            throw new BackendException("blur radius " + radius + " needs bands of " + minRows + " rows, more than the "
                    + maxSrcRows + " rows one launch can cover");
        }
        long maxRows = Math.min(budget / rowBytes, maxSrcRows);
        if (budget / rowBytes < minRows) {
            throw new DeviceOutOfMemoryException("blur of a " + width + "x" + height + "x" + channels
                    + " image (radius " + radius + ", one row and its halo)", rowBytes * minRows, budget);
        }
        int bandRows = maxRows >= height ? height : (int) (maxRows - 2L * radius);
        return BlurShards.bands(image, height, radius, bandRows);
    }
}
