package io.gpulab.images;

/**
 * Reads the sizes a GIF file declares, its logical screen and its first image, without decoding it.
 *
 * <p>Why: Commons Imaging sizes its buffers from the first image's descriptor while decoding, and even to report the
 * size, so a GIF declaring 65535 x 65535 fails inside it with "Negative initial size" (an overflowed int) instead of
 * being refused against the pixel budget.
 */
final class GifSizes {

    private static final int HEADER = 13;

    private GifSizes() {
    }

    /**
     * Returns {@code {width, height}}: the larger of the logical screen's and the first image's width, and the same
     * for the height; only the screen when no image descriptor is found within the data.
     */
    static int[] declared(byte[] data) {
        if (data.length < HEADER) {
            return new int[] {0, 0};
        }
        int width = u16(data, 6);
        int height = u16(data, 8);
        int pos = HEADER;
        if ((data[10] & 0x80) != 0) {
            pos += 3 << ((data[10] & 7) + 1); // the global colour table
        }
        while (pos < data.length) {
            int block = data[pos] & 0xFF;
            if (block == 0x2C && pos + 9 <= data.length) {
                return new int[] {Math.max(width, u16(data, pos + 5)), Math.max(height, u16(data, pos + 7))};
            }
            if (block != 0x21 || pos + 2 > data.length) {
                break;
            }
            pos += 2; // an extension: introducer and label, then sub-blocks up to an empty one
            while (pos < data.length && data[pos] != 0) {
                pos += (data[pos] & 0xFF) + 1;
            }
            pos++;
        }
        return new int[] {width, height};
    }

    private static int u16(byte[] d, int off) {
        return (d[off] & 0xFF) | (d[off + 1] & 0xFF) << 8;
    }
}
