package io.gpulab.gpu;

import io.gpulab.api.BackendException;
import io.gpulab.api.DeviceOutOfMemoryException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an image into horizontal bands whose device buffers fit a byte budget: each band uploads its rows plus
 * a halo of {@code radius} rows above and below (clipped to the image), so the column pass sees the same
 * neighbours as on the whole image.
 */
public final class BlurBands {

    /**
     * One band.
     *
     * @param outRow0 the first image row this band writes
     * @param outRows the rows it writes
     * @param srcRow0 the first image row it uploads (the halo included)
     * @param srcRows the rows it uploads
     */
    public record Band(int outRow0, int outRows, int srcRow0, int srcRows) {
    }

    private BlurBands() {
    }

    /** Returns the bytes of the largest device buffer per uploaded row: the float row-pass output. */
    public static long bytesPerRow(int width, int channels) {
        return 4L * width * channels;
    }

    /**
     * Returns the bands of an image, top to bottom, so that {@code srcRows * bytesPerRow <= budget}.
     *
     * @throws DeviceOutOfMemoryException when even one output row with its halo exceeds the budget
     */
    public static List<Band> plan(int width, int height, int channels, int radius, long budget) {
        return plan(width, height, channels, radius, budget, Integer.MAX_VALUE);
    }

    /**
     * Returns the bands of an image, top to bottom, so that {@code srcRows * bytesPerRow <= budget} and
     * {@code srcRows <= maxSrcRows} (a launch-grid limit of the runtime).
     *
     * @throws DeviceOutOfMemoryException when even one output row with its halo exceeds the budget
     * @throws BackendException when one output row with its halo exceeds {@code maxSrcRows}
     */
    public static List<Band> plan(int width, int height, int channels, int radius, long budget, int maxSrcRows) {
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
        List<Band> bands = new ArrayList<>();
        if (maxRows >= height) {
            bands.add(new Band(0, height, 0, height));
            return bands;
        }
        int step = (int) (maxRows - 2L * radius);
        for (int y0 = 0; y0 < height; y0 += step) {
            int rows = Math.min(step, height - y0);
            int src0 = Math.max(0, y0 - radius);
            int src1 = Math.min(height, y0 + rows + radius);
            bands.add(new Band(y0, rows, src0, src1 - src0));
        }
        return bands;
    }
}
