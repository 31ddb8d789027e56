package io.gpulab.images;

import java.awt.image.BufferedImage;
import org.apache.commons.imaging.common.BufferedImageFactory;

/**
 * Gives Commons Imaging sRGB images to decode into, even for gray data, and remembers whether the decoder asked for
 * a gray image and whether with alpha.
 *
 * <p>Why: the default factory returns {@code TYPE_BYTE_GRAY}, a linear colour space, for gray data; the decoder then
 * stores sRGB values through {@code setRGB}, which converts them to linear light and loses dark levels. Decoding
 * into an sRGB image keeps every level, and the remembered request keeps the channel count.
 */
final class RgbImageFactory implements BufferedImageFactory {

    private boolean gray;
    private boolean alpha;
    private boolean called;

    @Override
    public BufferedImage getColorBufferedImage(int width, int height, boolean hasAlpha) {
        called = true;
        alpha = hasAlpha;
        return create(width, height, hasAlpha);
    }

    @Override
    public BufferedImage getGrayscaleBufferedImage(int width, int height, boolean hasAlpha) {
        called = true;
        gray = true;
        alpha = hasAlpha;
        return create(width, height, hasAlpha);
    }

    /** Returns the channel count the decoder asked for, or 0 if it built its image without this factory. */
    int channels() {
        if (!called) {
            return 0;
        }
        return gray ? (alpha ? 2 : 1) : (alpha ? 4 : 3);
    }

    private static BufferedImage create(int width, int height, boolean hasAlpha) {
        return new BufferedImage(width, height, hasAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    }
}
