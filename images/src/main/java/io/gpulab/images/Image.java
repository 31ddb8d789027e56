package io.gpulab.images;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Holds an 8-bit image with 1 to 4 interleaved channels, rows top to bottom, in one of two memories: a Java array
 * (a heap image) or a direct, off-heap {@link ByteBuffer} (a direct image), such as the page-locked memory a GPU
 * backend copies from and into by DMA without a staging copy ({@code Backend.hostImage}).
 *
 * <p>Sample {@code c} of pixel {@code (x, y)} is byte {@code (y * width + x) * channels + c} of {@link #buffer()},
 * and of {@link #pixels()}. Two images are equal when their shapes and samples are, whatever their memory.
 *
 * <p>A heap image's {@link #pixels()} is its own array, as it always was: writes through it change the image. A
 * direct image makes a heap copy on the first call of {@link #pixels()} and returns that copy from then on, for the
 * callers that need an array (the CPU backends, the encoders); write a direct image through {@link #buffer()}, and
 * only before anyone asked for its {@code pixels()}. The memory of a direct image is the Java buffer's: it stays
 * valid for as long as the image (or a view of it) is reachable, whoever allocated it.
 */
public final class Image {

    private final int width;
    private final int height;
    private final int channels;
    private final byte[] heap;
    private final ByteBuffer direct;
    /** The buffer a direct image was made over, kept reachable: it may be the one whose reachability frees it. */
    private final ByteBuffer owner;
    private volatile byte[] copy;

    /**
     * Creates a heap image over {@code pixels} (not copied) after checking that the dimensions and the sample count
     * agree.
     *
     * @param width pixels per row, at least 1
     * @param height rows, at least 1
     * @param channels samples per pixel: 1 gray, 2 gray and alpha, 3 RGB, 4 RGBA
     * @param pixels the samples, {@code width * height * channels} bytes
     */
    public Image(int width, int height, int channels, byte[] pixels) {
        Objects.requireNonNull(pixels, "pixels");
        check(width, height, channels, pixels.length);
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.heap = pixels;
        this.direct = null;
        this.owner = null;
    }

    private Image(int width, int height, int channels, ByteBuffer memory) {
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.heap = null;
        this.direct = memory.slice();
        this.owner = memory;
    }

    /**
     * Returns a direct image over the {@code width * height * channels} bytes of {@code memory} from its position
     * (not copied; later changes of the buffer's position or limit do not affect the image). The image keeps
     * {@code memory} itself reachable for as long as it is, so memory freed when that buffer becomes unreachable
     * outlives the image.
     *
     * @throws IllegalArgumentException when {@code memory} is not direct or its remaining bytes do not match the
     *     shape
     */
    public static Image direct(int width, int height, int channels, ByteBuffer memory) {
        Objects.requireNonNull(memory, "memory");
        if (!memory.isDirect()) {
            throw new IllegalArgumentException("a direct image needs a direct buffer");
        }
        check(width, height, channels, memory.remaining());
        return new Image(width, height, channels, memory);
    }

    private static void check(int width, int height, int channels, long samples) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image dimensions must be positive: " + width + "x" + height);
        }
        if (channels < 1 || channels > 4) {
            throw new IllegalArgumentException("channels must be 1 to 4: " + channels);
        }
        if ((long) width * height * channels != samples) {
            throw new IllegalArgumentException("expected " + (long) width * height * channels + " samples for "
                    + width + "x" + height + "x" + channels + " but got " + samples);
        }
    }

    /** Returns a blank (all zero) heap image of this shape. */
    public static Image blank(int width, int height, int channels) {
        return new Image(width, height, channels, new byte[samples(width, height, channels)]);
    }

    /**
     * Returns the sample count {@code width * height * channels} of a shape.
     *
     * @throws IllegalArgumentException when it does not fit one array
     */
    public static int samples(int width, int height, int channels) {
        long n = (long) width * height * channels;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("image too large for one array: " + width + "x" + height + "x"
                    + channels);
        }
        return (int) n;
    }

    /** Returns the pixels per row. */
    public int width() {
        return width;
    }

    /** Returns the rows. */
    public int height() {
        return height;
    }

    /** Returns the samples per pixel: 1 gray, 2 gray and alpha, 3 RGB, 4 RGBA. */
    public int channels() {
        return channels;
    }

    /** Returns the number of samples, {@code width * height * channels}, without touching them. */
    public int sampleCount() {
        return width * height * channels;
    }

    /** Returns whether the samples live in a direct (off-heap) buffer rather than a Java array. */
    public boolean isDirect() {
        return direct != null;
    }

    /**
     * Returns the samples as an array: a heap image's own array, a direct image's heap copy (made once, on the first
     * call).
     */
    public byte[] pixels() {
        if (heap != null) {
            return heap;
        }
        byte[] c = copy;
        if (c == null) {
            c = new byte[sampleCount()];
            direct.get(0, c);
            copy = c;
        }
        return c;
    }

    /**
     * Returns a view of the samples without a copy, position 0 and limit {@link #sampleCount()}: the heap array
     * wrapped or the direct memory itself, so that writes through it change the image.
     */
    public ByteBuffer buffer() {
        return heap != null ? ByteBuffer.wrap(heap) : direct.duplicate().clear();
    }

    /** Returns the number of pixels, {@code width * height}. */
    public long pixelCount() {
        return (long) width * height;
    }

    /** Returns sample {@code c} of pixel {@code (x, y)} as 0..255. */
    public int sample(int x, int y, int c) {
        int i = (y * width + x) * channels + c;
        return (heap != null ? heap[i] : direct.get(i)) & 0xFF;
    }

    /** Returns a heap image of the same shape with a copy of the samples, whatever this image's memory. */
    public Image copy() {
        return new Image(width, height, channels, heap != null ? heap.clone() : pixelsCopy());
    }

    private byte[] pixelsCopy() {
        byte[] c = new byte[sampleCount()];
        direct.get(0, c);
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Image other && width == other.width && height == other.height
                && channels == other.channels && buffer().equals(other.buffer());
    }

    /** Returns the hash of the shape and the samples, the same for a heap and a direct image of equal samples. */
    @Override
    public int hashCode() {
        int h = 1;
        if (heap != null) {
            h = java.util.Arrays.hashCode(heap);
        } else {
            for (int i = 0, n = sampleCount(); i < n; i++) {
                h = 31 * h + direct.get(i);
            }
        }
        return Objects.hash(width, height, channels, h);
    }

    @Override
    public String toString() {
        return "Image[" + width + "x" + height + "x" + channels + "]";
    }
}
