package io.gpulab.images;

/**
 * Holds the dimensions a file declares in its header, read without decoding the pixels.
 *
 * @param width declared pixels per row
 * @param height declared rows
 * @param format the format's short name, such as {@code PNG} or {@code JPEG}
 */
public record ImageHeader(int width, int height, String format) {

    /** Returns the declared number of pixels, {@code width * height}. */
    public long pixelCount() {
        return (long) width * height;
    }
}
