package io.gpulab.gpu;

import io.gpulab.api.BackendException;
import io.gpulab.api.DeviceOutOfMemoryException;
import io.gpulab.tasks.BlurShards;
import java.util.List;

/**
 * Sizes the blur's bands ({@link BlurShards}, the task's one decomposition) for a device: each band uploads its rows
 * plus a halo of {@code radius} rows above and below (clipped to the image), and the largest device buffer, the
 * row-pass output of those rows (16-bit fixed point, two bytes per sample), must fit a byte budget. Where the device
 * pipelines a single image ({@link #pipelineBands}), the image is also cut into at least that many bands, so that one
 * band's upload, another's kernels and a third's download run at the same time.
 */
public final class BlurBands {

    /** The most bands {@link #pipelineBands} cuts an image into: past 8 a 4K frame gains under 1%. */
    public static final int MAX_PIPELINE = 8;
    /** A band's launch and wait overhead in bytes of copy: about 5 microseconds at 50 GB/s. */
    public static final long OVERHEAD_BYTES = 256 << 10;

    private BlurBands() {
    }

    /** Returns the bytes of the largest device buffer per uploaded row: the 16-bit row-pass output. */
    public static long bytesPerRow(int width, int channels) {
        return 2L * width * channels;
    }

    /**
     * Returns how many bands pipeline one image's copies with its kernels best on a GPU: {@code floor(sqrt(2 B / (2r
     * L + C)))} for an upload of {@code B} bytes in lines of {@code L} bytes, between 1 and {@value #MAX_PIPELINE}.
     *
     * <p>Why: with copy engines that run an upload and a download beside the kernels and the bands dealt to two
     * in-order queues, k bands of an image take about {@code (U + K + D) / 2 + U / k + k (h + c) / 2} (U, K, D: the
     * image's upload, kernels and download; the second queue starts one band's upload late, each pair of bands
     * runs in series on its queue), where every band re-uploads {@code h = 2r} halo rows and adds {@code c}, a few
     * microseconds of launch and wait overhead; {@code U / k + k (h + c) / 2} is least at {@code k = sqrt(2 U /
     * (h + c))}, taken in bytes of copy: {@code c} as {@value #OVERHEAD_BYTES} bytes, about 5 microseconds at 50 GB/s.
     * A 3840 x 2160 RGBA frame at radius 9 gives 11, capped at 8 (0.88 ms predicted on an H100 against 0.88 at 11
     * and 1.51 ms as one band); a 64 x 64 image gives 1.
     */
    public static int pipelineBands(int width, int height, int channels, int radius) {
        long line = (long) width * channels;
        double bytes = (double) line * height;
        double perBand = 2.0 * radius * line + OVERHEAD_BYTES;
        long k = (long) Math.floor(Math.sqrt(2 * bytes / perBand));
        return (int) Math.max(1, Math.min(Math.min(MAX_PIPELINE, k), height));
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
        return plan(image, width, height, channels, radius, budget, maxSrcRows, 1);
    }

    /**
     * Returns the bands of image {@code image} as {@link #plan(int, int, int, int, int, long, int)} does, but of at
     * most {@code ceil(height / minBands)} output rows each: {@code minBands} bands where that divides the rows
     * evenly enough (the last one shorter), fewer where it does not (9 rows in 4 bands: 3 of 3).
     *
     * @throws DeviceOutOfMemoryException when even one output row with its halo exceeds the budget
     * @throws BackendException when one output row with its halo exceeds {@code maxSrcRows}
     */
    public static List<BlurShards.Band> plan(int image, int width, int height, int channels, int radius, long budget,
            int maxSrcRows, int minBands) {
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
        int pipelined = (height + Math.max(1, minBands) - 1) / Math.max(1, minBands);
        return BlurShards.bands(image, height, radius, Math.min(bandRows, pipelined));
    }
}
