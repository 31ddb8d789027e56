package io.gpulab.images;

import java.util.Objects;

/**
 * Holds an 8-bit image with 1 to 4 interleaved channels, rows top to bottom.
 *
 * <p>Sample {@code c} of pixel {@code (x, y)} is {@code pixels[(y * width + x) * channels + c] & 0xFF}.
 *
 * @param width pixels per row, at least 1
 * @param height rows, at least 1
 * @param channels samples per pixel: 1 gray, 2 gray and alpha, 3 RGB, 4 RGBA
 * @param pixels the samples, {@code width * height * channels} bytes
 */
public record Image(int width, int height, int channels, byte[] pixels) {

    /** Creates an image after checking that the dimensions and the sample count agree. */
    public Image {
        Objects.requireNonNull(pixels, "pixels");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image dimensions must be positive: " + width + "x" + height);
        }
        if (channels < 1 || channels > 4) {
            throw new IllegalArgumentException("channels must be 1 to 4: " + channels);
        }
        if ((long) width * height * channels != pixels.length) {
            throw new IllegalArgumentException("expected " + (long) width * height * channels + " samples for "
                    + width + "x" + height + "x" + channels + " but got " + pixels.length);
        }
    }

    /** Returns a blank (all zero) image of this shape. */
    public static Image blank(int width, int height, int channels) {
        long n = (long) width * height * channels;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("image too large for one array: " + width + "x" + height + "x"
                    + channels);
        }
        return new Image(width, height, channels, new byte[(int) n]);
    }

    /** Returns the number of pixels, {@code width * height}. */
    public long pixelCount() {
        return (long) width * height;
    }

    /** Returns sample {@code c} of pixel {@code (x, y)} as 0..255. */
    public int sample(int x, int y, int c) {
        return pixels[(y * width + x) * channels + c] & 0xFF;
    }

    /** Returns an image of the same shape and a copy of the samples. */
    public Image copy() {
        return new Image(width, height, channels, pixels.clone());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Image other && width == other.width && height == other.height
                && channels == other.channels && java.util.Arrays.equals(pixels, other.pixels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, channels, java.util.Arrays.hashCode(pixels));
    }

    @Override
    public String toString() {
        return "Image[" + width + "x" + height + "x" + channels + "]";
    }
}
