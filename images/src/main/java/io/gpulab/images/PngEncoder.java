package io.gpulab.images;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes an {@link Image} as an 8-bit PNG whose colour type follows the channel count exactly: 1 gray, 2 gray and
 * alpha, 3 RGB, 4 RGBA.
 *
 * <p>Why not Commons Imaging's {@code PngWriter}: it chooses the colour type from the content (an opaque RGBA image
 * becomes RGB, a gray-looking RGB image becomes gray, gray with alpha becomes RGBA when true colour is forced), so it
 * cannot keep the channel count, and a lossless round trip must keep it.
 */
final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int[] COLOR_TYPE = {0, 0, 4, 2, 6};
    private static final int FILTER_SUB = 1;

    private PngEncoder() {
    }

    /** Writes the image; every row uses the Sub filter, which suits photographs and costs one pass. */
    static void write(Image img, OutputStream out) throws IOException {
        out.write(SIGNATURE);
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, img.width());
        putInt(ihdr, 4, img.height());
        ihdr[8] = 8;
        ihdr[9] = (byte) COLOR_TYPE[img.channels()];
        chunk(out, "IHDR", ihdr, ihdr.length);
        chunk(out, "IDAT", idat(img));
        chunk(out, "IEND", new byte[0], 0);
        out.flush();
    }

    private static ByteArrayOutputStream idat(Image img) {
        int ch = img.channels();
        int stride = img.width() * ch;
        byte[] px = img.pixels();
        byte[] line = new byte[stride + 1];
        line[0] = FILTER_SUB;
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(Math.max(64, px.length / 2));
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try (DeflaterOutputStream z = new DeflaterOutputStream(compressed, deflater, 1 << 16)) {
            for (int y = 0; y < img.height(); y++) {
                int base = y * stride;
                System.arraycopy(px, base, line, 1, ch);
                for (int i = ch; i < stride; i++) {
                    line[i + 1] = (byte) (px[base + i] - px[base + i - ch]);
                }
                z.write(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream never throws
        } finally {
            deflater.end();
        }
        return compressed;
    }

    private static void chunk(OutputStream out, String type, ByteArrayOutputStream data) throws IOException {
        chunk(out, type, data.toByteArray(), data.size());
    }

    private static void chunk(OutputStream out, String type, byte[] data, int length) throws IOException {
        byte[] head = new byte[8];
        putInt(head, 0, length);
        System.arraycopy(type.getBytes(StandardCharsets.US_ASCII), 0, head, 4, 4);
        CRC32 crc = new CRC32();
        crc.update(head, 4, 4);
        crc.update(data, 0, length);
        out.write(head);
        out.write(data, 0, length);
        byte[] tail = new byte[4];
        putInt(tail, 0, (int) crc.getValue());
        out.write(tail);
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
