package io.gpulab.images;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.apache.commons.imaging.AbstractImageParser;
import org.apache.commons.imaging.ImageFormat;
import org.apache.commons.imaging.ImageFormats;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.ImagingParameters;
import org.apache.commons.imaging.bytesource.ByteSource;

/**
 * Decodes image files into {@link Image}s under a pixel budget and encodes images as PNG.
 *
 * <p>Decoding goes through Apache Commons Imaging (PNG, BMP, GIF, TIFF, PNM, PCX, ICO, PSD and more). JPEG files,
 * and files whose format Commons Imaging does not recognise, go to {@code javax.imageio} instead, because Commons
 * Imaging reads JPEG metadata but not JPEG pixels. The declared dimensions are read from the header first and
 * checked against the budget before any pixel buffer is allocated; PNG chunk lengths are also checked against the
 * file length, since a chunk that claims a gibibyte in a 79-byte file would otherwise be allocated.
 *
 * <p>The decoded image keeps 1 to 4 channels: gray, gray and alpha, RGB, RGBA, as the decoder reports them (Commons
 * Imaging reports gray for PNG, and decodes GIF and most TIFFs as RGB; a BMP below 32 bits per pixel stays RGB).
 * 16-bit samples are reduced to 8 bits by the decoder (ImageIO images deeper than 8 bits are scaled with rounding),
 * and the reading methods that take a list of notes say so; palette images become RGB (RGBA with a
 * transparent palette), and other colour spaces (CMYK, for example) are converted to sRGB. Only the first image of a
 * multi-image file is read.
 *
 * <p>Every failure, whatever the decoder threw, comes out as an {@link ImageDecodeException} naming the input.
 * Instances are immutable and thread-safe.
 */
public final class ImageCodec {

    /** The default pixel budget: 100 million pixels (a 10000 x 10000 image). */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    /** The largest budget accepted, so that an RGBA image of that many pixels still fits one Java array. */
    public static final long LIMIT_MAX_PIXELS = (Integer.MAX_VALUE - 8) / 4;

    private final long maxPixels;

    /** Creates a codec with the default budget of {@link #DEFAULT_MAX_PIXELS}. */
    public ImageCodec() {
        this(DEFAULT_MAX_PIXELS);
    }

    /** Creates a codec that refuses files declaring more than {@code maxPixels} pixels. */
    public ImageCodec(long maxPixels) {
        if (maxPixels < 1 || maxPixels > LIMIT_MAX_PIXELS) {
            throw new IllegalArgumentException("pixel budget must be 1.." + LIMIT_MAX_PIXELS + ": " + maxPixels);
        }
        this.maxPixels = maxPixels;
    }

    /** Returns the pixel budget: the most pixels a file may declare. */
    public long maxPixels() {
        return maxPixels;
    }

    /** Decodes the image in this file. */
    public Image read(Path file) throws ImageDecodeException {
        return read(file, new ArrayList<>());
    }

    /** Decodes the image in this file, adding to {@code notes} what the decoding lost (a reduced precision). */
    public Image read(Path file, List<String> notes) throws ImageDecodeException {
        return decode(readBytes(file), String.valueOf(file), notes);
    }

    /** Decodes the image in these bytes; {@code name} labels the input in error messages. */
    public Image decode(byte[] data, String name) throws ImageDecodeException {
        return decode(data, name, new ArrayList<>());
    }

    /**
     * Decodes the image in these bytes, adding to {@code notes} what the decoding lost: "16-bit samples reduced to
     * 8 bits" for a 16-bit PNG, or any image ImageIO decodes with samples deeper than 8 bits.
     */
    public Image decode(byte[] data, String name, List<String> notes) throws ImageDecodeException {
        try {
            ImageFormat format = format(data, name);
            if (format == ImageFormats.PNG && data.length > 24 && data[24] > 8) {
                notes.add(data[24] + "-bit samples reduced to 8 bits");
            }
            if (usesImageIo(format)) {
                BufferedImage bi = readWithImageIo(data, name);
                int bits = java.util.Arrays.stream(bi.getColorModel().getComponentSize()).max().orElse(8);
                if (bits > 8) {
                    notes.add(bits + "-bit samples reduced to 8 bits");
                }
                return BufferedImageConverter.toImage(bi);
            }
            return readWithCommons(data, name, format);
        } catch (ImageDecodeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Decoders report malformed data with IOExceptions and with runtime exceptions alike
            // (ArithmeticException, ArrayIndexOutOfBoundsException, IllegalArgumentException, ...).
            throw new ImageDecodeException(name, ImageDecodeException.describe(e), e);
        }
    }

    /**
     * Reads only the header of this file and returns its declared dimensions, for batching and budgeting; the pixels
     * are neither read nor decoded, and the budget is not applied.
     */
    public ImageHeader header(Path file) throws ImageDecodeException {
        String name = String.valueOf(file);
        try {
            if (Files.size(file) == 0) {
                throw new ImageDecodeException(name, "empty file");
            }
            ImageFormat format = Imaging.guessFormat(file.toFile());
            if (usesImageIo(format)) {
                try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
                    ImageReader reader = imageIoReader(in, name);
                    try {
                        return new ImageHeader(reader.getWidth(0), reader.getHeight(0),
                                reader.getFormatName().toUpperCase(Locale.ROOT));
                    } finally {
                        reader.dispose();
                    }
                }
            }
            if (format == ImageFormats.GIF) {
                // Commons Imaging decodes to find a GIF's size, and fails on a huge one
                int[] gif = GifSizes.declared(readBytes(file));
                return new ImageHeader(gif[0], gif[1], format.getName());
            }
            Dimension d = Imaging.getImageSize(file.toFile());
            return new ImageHeader(d.width, d.height, format.getName());
        } catch (ImageDecodeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageDecodeException(name, ImageDecodeException.describe(e), e);
        }
    }

    /** Encodes the image as a lossless 8-bit PNG whose colour type matches its channel count. */
    public static byte[] encodePng(Image img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PngEncoder.write(img, out);
        } catch (IOException e) {
            throw new IllegalStateException("a ByteArrayOutputStream cannot fail", e);
        }
        return out.toByteArray();
    }

    /** Writes the image to this file as a lossless 8-bit PNG, replacing the file if it exists. */
    public static void writePng(Image img, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            PngEncoder.write(img, new BufferedOutputStream(out, 1 << 16));
        }
    }

    private byte[] readBytes(Path file) throws ImageDecodeException {
        try {
            // Even an uncompressed 16-bit RGBA file of the largest allowed image stays under this.
            long limit = Math.min(Integer.MAX_VALUE - 8, maxPixels * 8 + (1 << 20));
            if (!Files.isRegularFile(file) && Files.exists(file)) {
                // a device or a FIFO reports no size (and /dev/zero never ends): read no more than the limit
                try (InputStream in = Files.newInputStream(file)) {
                    byte[] data = in.readNBytes((int) limit);
                    if (data.length == limit && in.read() >= 0) {
                        throw tooLarge(file, "more than " + limit);
                    }
                    return data;
                }
            }
            long size = Files.size(file);
            if (size > limit) {
                throw tooLarge(file, Long.toString(size));
            }
            return Files.readAllBytes(file);
        } catch (ImageDecodeException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageDecodeException(String.valueOf(file), "cannot read file: " + ImageDecodeException
                    .describe(e), e);
        }
    }

    private ImageDecodeException tooLarge(Path file, String size) {
        return new ImageDecodeException(String.valueOf(file), "file of " + size
                + " bytes is larger than any image within the budget of " + maxPixels + " pixels");
    }

    private static ImageFormat format(byte[] data, String name) throws IOException {
        if (data.length == 0) {
            throw new ImageDecodeException(name, "empty file");
        }
        ImageFormat format = Imaging.guessFormat(data);
        if (format == ImageFormats.PNG) {
            PngChunks.check(data, name);
        }
        return format;
    }

    private static boolean usesImageIo(ImageFormat format) {
        return format == ImageFormats.JPEG || format == ImageFormats.UNKNOWN;
    }

    private Image readWithCommons(byte[] data, String name, ImageFormat format) throws IOException {
        if (format == ImageFormats.GIF) {
            int[] gif = GifSizes.declared(data);
            checkBudget(gif[0], gif[1], name);
        }
        Dimension d = Imaging.getImageSize(data);
        checkBudget(d.width, d.height, name);
        AbstractImageParser<?> parser = AbstractImageParser.getAllImageParsers().stream()
                .filter(p -> p.canAcceptType(format)).findFirst()
                .orElseThrow(() -> new ImageDecodeException(name, "no Commons Imaging parser for " + format));
        RgbImageFactory factory = new RgbImageFactory();
        BufferedImage bi = decode(parser, ByteSource.array(data, name), factory);
        if (bi == null) {
            throw new ImageDecodeException(name, "Commons Imaging returned no image");
        }
        int channels = factory.channels();
        if (format == ImageFormats.BMP && bmpBitsPerPixel(data) < 32) {
            // Commons Imaging decodes every BMP with alpha; below 32 bits per pixel the file has none to keep
            return BufferedImageConverter.fromSrgb(bi, 3);
        }
        return channels == 0 ? BufferedImageConverter.toImage(bi) : BufferedImageConverter.fromSrgb(bi, channels);
    }

    /** Returns the bits per pixel of a BMP header (OS/2 and Windows headers alike), 0 when too short. */
    private static int bmpBitsPerPixel(byte[] d) {
        if (d.length < 30) {
            return 0;
        }
        int at = (d[14] & 0xFF) == 12 ? 24 : 28;
        return (d[at] & 0xFF) | (d[at + 1] & 0xFF) << 8;
    }

    private static <T extends ImagingParameters<T>> BufferedImage decode(AbstractImageParser<T> parser,
            ByteSource source, RgbImageFactory factory) throws IOException {
        T params = parser.getDefaultParameters();
        params.setBufferedImageFactory(factory);
        return parser.getBufferedImage(source, params);
    }

    private BufferedImage readWithImageIo(byte[] data, String name) throws IOException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            ImageReader reader = imageIoReader(in, name);
            try {
                checkBudget(reader.getWidth(0), reader.getHeight(0), name);
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    private static ImageReader imageIoReader(ImageInputStream in, String name) throws ImageDecodeException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new ImageDecodeException(name, "unknown image format (neither Commons Imaging nor ImageIO "
                    + "recognises the data)");
        }
        ImageReader reader = readers.next();
        reader.setInput(in, true, true);
        return reader;
    }

    private void checkBudget(int width, int height, String name) throws ImageDecodeException {
        if (width < 1 || height < 1) {
            throw new ImageDecodeException(name, "declared size " + width + "x" + height + " is empty");
        }
        long pixels = (long) width * height;
        if (pixels > maxPixels) {
            throw new ImageDecodeException(name, "declared size " + width + "x" + height + " (" + pixels
                    + " pixels) exceeds the pixel budget of " + maxPixels);
        }
    }
}
