package io.gpulab.tasks;

import io.gpulab.images.Image;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges the bands of {@link BlurShards}: one output array per image, each band writing its own rows, so bands may
 * finish in any order and on any thread. A backend that blurs in place writes straight into {@link #target}; one
 * that blurs a band elsewhere (a worker, a device) copies it back with {@link #write}.
 */
public final class BlurMerge {

    private final List<Image> images;
    private final byte[][] outputs;

    /** Allocates the output arrays of every image of the batch. */
    public BlurMerge(BlurInput input) {
        this.images = input.images();
        this.outputs = new byte[images.size()][];
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = new byte[images.get(i).sampleCount()];
        }
    }

    /** Returns the output array of image {@code i}, the same shape as its input. */
    public byte[] target(int image) {
        return outputs[image];
    }

    /**
     * Copies a blurred band into place: {@code src} holds the band's {@code srcRows} rows (halo included) from
     * {@code srcOff}, or, when {@code haloIncluded} is false, only its {@code outRows} rows.
     */
    public void write(BlurShards.Band band, byte[] src, int srcOff, boolean haloIncluded) {
        Image img = images.get(band.image());
        int rowBytes = img.width() * img.channels();
        int from = srcOff + (haloIncluded ? band.haloAbove() * rowBytes : 0);
        System.arraycopy(src, from, outputs[band.image()], band.outRow0() * rowBytes, band.outRows() * rowBytes);
    }

    /** Returns the merged output: every image, in input order. */
    public BlurOutput output() {
        List<Image> out = new ArrayList<>(images.size());
        for (int i = 0; i < outputs.length; i++) {
            Image img = images.get(i);
            out.add(new Image(img.width(), img.height(), img.channels(), outputs[i]));
        }
        return new BlurOutput(out);
    }
}
