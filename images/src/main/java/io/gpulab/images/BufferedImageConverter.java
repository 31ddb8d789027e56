package io.gpulab.images;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Turns a decoded {@link BufferedImage} into an 8-bit {@link Image}, keeping gray, gray and alpha, RGB and RGBA.
 *
 * <p>Samples are read from the raster, not through {@code getRGB}, because {@code getRGB} maps a linear gray colour
 * space to sRGB and so changes gray levels. Samples deeper than 8 bits (16-bit PNG, TIFF) are scaled to 0..255 with
 * rounding; palette images become RGB (RGBA if the palette has transparency); other colour spaces (CMYK, YCCK,
 * floating point) are converted to sRGB through {@code getRGB}.
 */
final class BufferedImageConverter {

    private BufferedImageConverter() {
    }

    /** Converts an sRGB image to {@code channels} channels: 1 and 2 take the red sample as the gray level. */
    static Image fromSrgb(BufferedImage bi, int channels) {
        if (channels >= 3) {
            return fromRgb(bi, channels);
        }
        Image rgba = fromRgb(bi, 4);
        byte[] src = rgba.pixels();
        Image img = Image.blank(bi.getWidth(), bi.getHeight(), channels);
        byte[] out = img.pixels();
        for (int i = 0, o = 0; i < src.length; i += 4) {
            out[o++] = src[i];
            if (channels == 2) {
                out[o++] = src[i + 3];
            }
        }
        return img;
    }

    /** Converts the image; see the class comment for how each kind of colour model maps to channels. */
    static Image toImage(BufferedImage bi) {
        ColorModel cm = bi.getColorModel();
        if (cm.isAlphaPremultiplied()) {
            bi.coerceData(false);
            cm = bi.getColorModel();
        }
        int type = cm.getColorSpace().getType();
        boolean direct = !(cm instanceof IndexColorModel) && integerSamples(bi.getRaster(), cm)
                && cm.getNumComponents() == bi.getRaster().getNumBands();
        if (direct && type == ColorSpace.TYPE_GRAY && cm.getNumComponents() <= 2) {
            return fromBands(bi, cm.getNumComponents());
        }
        if (direct && type == ColorSpace.TYPE_RGB && cm.getNumComponents() >= 3) {
            return fromBands(bi, cm.getNumComponents());
        }
        return fromRgb(bi, cm.hasAlpha() ? 4 : 3);
    }

    private static boolean integerSamples(Raster r, ColorModel cm) {
        int t = r.getTransferType();
        if (t != DataBuffer.TYPE_BYTE && t != DataBuffer.TYPE_USHORT && t != DataBuffer.TYPE_INT) {
            return false;
        }
        for (int b = 0; b < cm.getNumComponents(); b++) {
            if (cm.getComponentSize(b) > 16) {
                return false;
            }
        }
        return true;
    }

    private static Image fromBands(BufferedImage bi, int channels) {
        Raster r = bi.getRaster();
        int w = bi.getWidth();
        int h = bi.getHeight();
        Image img = Image.blank(w, h, channels);
        byte[] out = img.pixels();
        int[] row = new int[w];
        ColorModel cm = bi.getColorModel();
        for (int c = 0; c < channels; c++) {
            int max = (1 << cm.getComponentSize(c)) - 1;
            for (int y = 0; y < h; y++) {
                r.getSamples(r.getMinX(), r.getMinY() + y, w, 1, c, row);
                int o = y * w * channels + c;
                for (int x = 0; x < w; x++, o += channels) {
                    out[o] = (byte) (max == 255 ? row[x] : (row[x] * 255 + max / 2) / max);
                }
            }
        }
        return img;
    }

    private static Image fromRgb(BufferedImage bi, int channels) {
        int w = bi.getWidth();
        int h = bi.getHeight();
        Image img = Image.blank(w, h, channels);
        byte[] out = img.pixels();
        int[] row = new int[w];
        int o = 0;
        for (int y = 0; y < h; y++) {
            // getRGB converts a non-sRGB colour model (CMYK, linear gray) to sRGB; for sRGB images it is exact.
            bi.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                out[o++] = (byte) (argb >>> 16);
                out[o++] = (byte) (argb >>> 8);
                out[o++] = (byte) argb;
                if (channels == 4) {
                    out[o++] = (byte) (argb >>> 24);
                }
            }
        }
        return img;
    }
}
