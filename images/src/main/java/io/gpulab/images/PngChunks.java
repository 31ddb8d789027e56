package io.gpulab.images;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Checks the chunk layout of a PNG file before a decoder sees it: every chunk must fit in the file and carry the
 * right CRC.
 *
 * <p>Why: decoders allocate a chunk's buffer from its declared length before reading it, so a chunk claiming
 * 1 GiB in a file of 79 bytes costs 1 GiB of heap (or an out-of-memory error) unless the length is checked first.
 * Neither Commons Imaging nor ImageIO checks CRCs, so a corrupted file would otherwise decode silently.
 */
final class PngChunks {

    private static final int SIGNATURE_LENGTH = 8;
    private static final int CHUNK_OVERHEAD = 12;

    private PngChunks() {
    }

    /**
     * Throws if a chunk's declared length runs past the end of the data or its CRC is wrong; a missing IEND is left
     * to the decoder.
     */
    static void check(byte[] data, String name) throws ImageDecodeException {
        int pos = SIGNATURE_LENGTH;
        while (pos + CHUNK_OVERHEAD <= data.length) {
            long length = Integer.toUnsignedLong(readInt(data, pos));
            String type = new String(data, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (length > data.length - pos - CHUNK_OVERHEAD) {
                throw new ImageDecodeException(name, "PNG chunk " + printable(type) + " at offset " + pos
                        + " declares " + length + " bytes but only " + (data.length - pos - CHUNK_OVERHEAD)
                        + " remain in the file");
            }
            CRC32 crc = new CRC32();
            crc.update(data, pos + 4, 4 + (int) length);
            int stored = readInt(data, pos + 8 + (int) length);
            if ((int) crc.getValue() != stored) {
                throw new ImageDecodeException(name, "PNG chunk " + printable(type) + " at offset " + pos
                        + " has a wrong CRC (file corrupted)");
            }
            if ("IHDR".equals(type)) {
                checkHeader(data, pos + 8, (int) length, name);
            }
            if ("IEND".equals(type)) {
                return;
            }
            pos += CHUNK_OVERHEAD + (int) length;
        }
    }

    private static void checkHeader(byte[] data, int off, int length, String name) throws ImageDecodeException {
        if (length != 13) {
            throw new ImageDecodeException(name, "PNG header chunk has " + length + " bytes, not 13");
        }
        int depth = data[off + 8];
        int colorType = data[off + 9];
        boolean valid = switch (colorType) {
            case 0 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
            case 3 -> depth == 1 || depth == 2 || depth == 4 || depth == 8;
            case 2, 4, 6 -> depth == 8 || depth == 16;
            default -> false;
        };
        if (!valid) {
            throw new ImageDecodeException(name, "PNG header declares colour type " + colorType + " with bit depth "
                    + depth + ", which the PNG specification does not allow");
        }
    }

    private static int readInt(byte[] b, int off) {
        return (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | b[off + 3] & 0xFF;
    }

    private static String printable(String type) {
        return type.chars().allMatch(ch -> ch >= 'A' && ch <= 'z') ? type : "(unprintable type)";
    }
}
