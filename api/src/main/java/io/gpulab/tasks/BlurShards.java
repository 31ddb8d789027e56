package io.gpulab.tasks;

import io.gpulab.images.Image;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Splits a blur batch into bands of rows, the one decomposition of the blur that every backend drives. A band
 * writes rows {@code [outRow0, outRow0 + outRows)} of one image and reads them with a halo of {@code r} rows above
 * and below, clipped at the image's edges (where the blur replicates the edge row, exactly as on the whole image).
 * Every output row depends only on input rows within {@code r} of it, so a band blurred on its own, its halo
 * included, gives the very rows the whole image gives; bands are independent and write disjoint rows
 * ({@link BlurMerge}).
 */
public final class BlurShards {

    /**
     * One band of one image.
     *
     * @param image the index of the image in the batch
     * @param outRow0 the first image row this band writes
     * @param outRows the rows it writes
     * @param srcRow0 the first image row it reads, the halo included
     * @param srcRows the rows it reads
     */
    public record Band(int image, int outRow0, int outRows, int srcRow0, int srcRows) {

        /** Returns the row of the band's source rows that is its first output row: the halo rows above it. */
        public int haloAbove() {
            return outRow0 - srcRow0;
        }

        /** Returns a short description for events and errors: {@code image 0 rows [0, 100)}. */
        public String describe() {
            return "image " + image + " rows [" + outRow0 + ", " + (outRow0 + outRows) + ")";
        }
    }

    private final List<Band> bands;
    private final int radius;

    private BlurShards(List<Band> bands, int radius) {
        this.bands = Collections.unmodifiableList(bands);
        this.radius = radius;
    }

    /** Cuts every image of the batch into bands of {@code bandRows} output rows (the last band of an image fewer). */
    public static BlurShards of(BlurInput input, int bandRows) {
        int r = input.spec().radius();
        List<Band> bands = new ArrayList<>();
        List<Image> images = input.images();
        for (int i = 0; i < images.size(); i++) {
            bands.addAll(bands(i, images.get(i).height(), r, bandRows));
        }
        return new BlurShards(bands, r);
    }

    /**
     * Cuts the batch into about {@code target} bands over all its rows, none below {@code minRows} output rows
     * (a band's halo costs as much as {@code 2r} of its rows).
     */
    public static BlurShards ofTarget(BlurInput input, long target, int minRows) {
        long rows = 0;
        for (Image img : input.images()) {
            rows += img.height();
        }
        long perBand = (rows + Math.max(1, target) - 1) / Math.max(1, target);
        return of(input, (int) Math.max(Math.max(1, minRows), Math.min(Integer.MAX_VALUE, perBand)));
    }

    /** Returns the bands of one image of {@code height} rows, top to bottom, {@code bandRows} output rows each. */
    public static List<Band> bands(int image, int height, int radius, int bandRows) {
        if (bandRows < 1 || radius < 0) {
            throw new IllegalArgumentException("blur bands need bandRows >= 1 and radius >= 0: " + bandRows + ", "
                    + radius);
        }
        List<Band> out = new ArrayList<>();
        for (int y0 = 0; y0 < height; y0 += bandRows) {
            int rows = Math.min(bandRows, height - y0);
            int src0 = Math.max(0, y0 - radius);
            int src1 = (int) Math.min(height, (long) y0 + rows + radius);
            out.add(new Band(image, y0, rows, src0, src1 - src0));
        }
        return out;
    }

    /** Returns the bands, image by image, each top to bottom. */
    public List<Band> bands() {
        return bands;
    }

    /** Returns the blur radius the halos were cut for. */
    public int radius() {
        return radius;
    }
}
