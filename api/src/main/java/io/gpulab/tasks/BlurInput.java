package io.gpulab.tasks;

import io.gpulab.images.Image;
import java.util.List;

/**
 * Holds a batch of images and the blur to apply to each.
 *
 * @param images the images, each blurred on its own
 * @param spec the blur
 */
public record BlurInput(List<Image> images, BlurSpec spec) {

    /** Creates the batch with an immutable list of the same images. */
    public BlurInput {
        images = List.copyOf(images);
    }
}
