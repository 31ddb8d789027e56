package io.gpulab.cli;

import io.gpulab.images.Image;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads and writes images with {@code javax.imageio} alone: the tests' independent decoder, to check what the command
 * (which decodes through the images module's codec) read and wrote.
 *
 * <p>8-bit gray, gray and alpha, RGB and RGBA rasters are copied sample for sample; anything else (palettes, 16-bit,
 * 1-bit) goes through {@link BufferedImage#getRGB}, giving RGB or RGBA.
 */
final class ImageIoFiles implements ImageFiles {

    @Override
    public Image read(Path file, long maxPixels) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("Is a directory");
        }
        try (ImageInputStream iis = ImageIO.createImageInputStream(file.toFile())) {
            if (iis == null) {
                throw new IOException("cannot open the file");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) {
                throw new IOException("not an image in a known format (PNG, JPEG, GIF, BMP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w < 1 || h < 1 || w * h > maxPixels) {
                    throw new IOException("declared size " + w + "x" + h + " is outside 1.." + maxPixels
                            + " pixels (the memory budget)");
                }
                return toImage(reader.read(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw e.getMessage() == null ? new IOException(e.getClass().getSimpleName(), e) : e;
        } catch (RuntimeException e) {
            // decoders throw unchecked exceptions on malformed files (overflow, bad indices); a bad file, not a bug
            throw new IOException("malformed image: " + e, e);
        }
    }

    private static Image toImage(BufferedImage bi) {
        int w = bi.getWidth();
        int h = bi.getHeight();
        ColorModel cm = bi.getColorModel();
        Raster r = bi.getRaster();
        int bands = r.getNumBands();
        boolean eightBit = Arrays.stream(r.getSampleModel().getSampleSize()).allMatch(s -> s == 8);
        int space = cm.getColorSpace().getType();
        boolean direct = !(cm instanceof IndexColorModel) && eightBit && bands == cm.getNumComponents()
                && (space == ColorSpace.TYPE_RGB && bands >= 3 || space == ColorSpace.TYPE_GRAY && bands <= 2);
        if (direct) {
            Image img = Image.blank(w, h, bands);
            int[] row = new int[w * bands];
            byte[] p = img.pixels();
            for (int y = 0; y < h; y++) {
                r.getPixels(0, y, w, 1, row);
                for (int i = 0; i < row.length; i++) {
                    p[y * row.length + i] = (byte) row[i];
                }
            }
            return img;
        }
        int channels = cm.hasAlpha() ? 4 : 3;
        Image img = Image.blank(w, h, channels);
        byte[] p = img.pixels();
        int[] argb = new int[w];
        int i = 0;
        for (int y = 0; y < h; y++) {
            bi.getRGB(0, y, w, 1, argb, 0, w);
            for (int x = 0; x < w; x++) {
                int v = argb[x];
                p[i++] = (byte) (v >>> 16);
                p[i++] = (byte) (v >>> 8);
                p[i++] = (byte) v;
                if (channels == 4) {
                    p[i++] = (byte) (v >>> 24);
                }
            }
        }
        return img;
    }

    @Override
    public void writePng(Image image, Path file) throws IOException {
        int w = image.width();
        int c = image.channels();
        BufferedImage bi = switch (c) {
            case 1 -> new BufferedImage(w, image.height(), BufferedImage.TYPE_BYTE_GRAY);
            case 3 -> new BufferedImage(w, image.height(), BufferedImage.TYPE_3BYTE_BGR);
            case 4 -> new BufferedImage(w, image.height(), BufferedImage.TYPE_4BYTE_ABGR);
            default -> {
                ColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                        Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
                yield new BufferedImage(cm, cm.createCompatibleWritableRaster(w, image.height()), false, null);
            }
        };
        WritableRaster r = bi.getRaster();
        int[] row = new int[w * c];
        byte[] p = image.pixels();
        for (int y = 0; y < image.height(); y++) {
            for (int i = 0; i < row.length; i++) {
                row[i] = p[y * row.length + i] & 0xFF;
            }
            r.setPixels(0, y, w, 1, row);
        }
        if (!ImageIO.write(bi, "png", file.toFile())) {
            throw new IOException("no PNG writer for a " + c + "-channel image");
        }
    }
}
