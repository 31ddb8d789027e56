package io.gpulab.tasks;

import io.gpulab.images.Image;
import java.util.List;

/**
 * Holds the blurred images, in input order.
 *
 * @param images one output image per input image, of the same shape
 */
public record BlurOutput(List<Image> images) {

    /** Creates the result with an immutable list of the same images. */
    public BlurOutput {
        images = List.copyOf(images);
    }
}
