package io.gpulab.cpu.seq;

/**
 * Moves one image row between interleaved bytes and the unit layout that {@link BlurTaps} filters along x.
 *
 * <p>The unit layout of a strip of columns {@code [x0, x0 + segments * len)}: the strip is cut into
 * {@code segments = UNIT / lanes} segments of {@code len} pixels, where {@code lanes} is the channel count rounded
 * up to 1, 2 or 4 (RGB gets an unused fourth lane). Position {@code p} of segment {@code g} holds pixel
 * {@code x0 + g len + p - r} at floats {@code p UNIT + g lanes + c}, for {@code p} in {@code [0, len + 2r)}: each
 * segment carries its own {@code r}-pixel halo on both sides, replicated beyond the image border. Pixel {@code x + 1}
 * of a segment is then exactly {@code UNIT} floats after pixel {@code x}, for every segment at once, which is what
 * lets C2 vectorize the row pass; the column pass combines rows element by element, so it does not care.
 * These two copies are the only scalar loops of the blur; everything else runs in SIMD lanes. C2 vectorizes no
 * conversion between bytes, ints and floats here, and a scalar int-to-float conversion measured slower than or-ing
 * the byte into the mantissa of 2^23 (a plain register move to a float) and subtracting 2^23 from the whole row
 * afterwards in SIMD lanes, which is exact. Rounding reads the byte from the low mantissa bits the same way.
 */
final class BlurLayout {

    /** Adding 1.5 x 2^23 rounds a float below 2^22 in magnitude to the nearest integer in its low mantissa bits. */
    static final float ROUND = 0x1.8p23f;

    /** The bits of 2^23: or-ing a byte b into its mantissa gives exactly 2^23 + b, with no int-to-float conversion. */
    private static final int BIAS_BITS = 0x4B000000;

    /** Exactly 2^23, which {@link #load} subtracts again in SIMD lanes. */
    private static final float BIAS = 0x1p23f;

    private final byte[] src;
    private final int width;
    private final int ch;
    private final int lanes;
    private final int segments;
    private final int r;

    BlurLayout(byte[] src, int width, int ch, int r) {
        this.src = src;
        this.width = width;
        this.ch = ch;
        this.lanes = lanes(ch);
        this.segments = BlurTaps.UNIT / lanes;
        this.r = r;
    }

    /** Returns the floats per pixel in the unit layout: the channel count rounded up to 1, 2 or 4. */
    static int lanes(int ch) {
        return ch == 3 ? 4 : ch;
    }

    /** Returns how many segments side by side one unit holds for this channel count. */
    static int segments(int ch) {
        return BlurTaps.UNIT / lanes(ch);
    }

    /** Widens row {@code y} of the source, pixels around {@code [x0, x0 + segments len)}, into {@code t}. */
    void load(int y, int x0, int len, float[] t) {
        int row = y * width * ch;
        int positions = len + 2 * r;
        for (int g = 0; g < segments; g++) {
            int xs = x0 + g * len - r;
            int left = Math.min(positions, Math.max(0, -xs));
            int right = Math.max(left, Math.min(positions, width - xs));
            int lane = g * lanes;
            for (int p = 0; p < left; p++) {
                pixel(row, p * BlurTaps.UNIT + lane, t);
            }
            if (ch == 4) {
                load4(row + (xs + left) * 4, left * BlurTaps.UNIT + lane, right - left, t);
            } else {
                for (int p = left; p < right; p++) {
                    pixel(row + (xs + p) * ch, p * BlurTaps.UNIT + lane, t);
                }
            }
            for (int p = right; p < positions; p++) {
                pixel(row + (width - 1) * ch, p * BlurTaps.UNIT + lane, t);
            }
        }
        BlurTaps.subtract(t, BIAS, positions * BlurTaps.UNIT);
    }

    private void pixel(int s, int d, float[] t) {
        for (int c = 0; c < ch; c++) {
            t[d + c] = Float.intBitsToFloat(BIAS_BITS | src[s + c] & 0xFF);
        }
        if (lanes > ch) {
            // the unused RGB lane must hold 2^23 too, so that the subtraction leaves it at 0
            t[d + ch] = BIAS;
        }
    }

    private void load4(int s, int d, int count, float[] t) {
        byte[] b = src;
        for (int k = 0; k < count; k++) {
            int i = s + 4 * k;
            int o = d + BlurTaps.UNIT * k;
            t[o] = Float.intBitsToFloat(BIAS_BITS | b[i] & 0xFF);
            t[o + 1] = Float.intBitsToFloat(BIAS_BITS | b[i + 1] & 0xFF);
            t[o + 2] = Float.intBitsToFloat(BIAS_BITS | b[i + 2] & 0xFF);
            t[o + 3] = Float.intBitsToFloat(BIAS_BITS | b[i + 3] & 0xFF);
        }
    }

    /**
     * Rounds positions {@code [0, len)} of {@code h}, which hold the blurred values plus {@link #ROUND}, to bytes
     * and writes them to row {@code y}, columns {@code [x0, x1)}, of {@code dst}; {@code clamp} is needed only for
     * weights that can leave 0..255.
     */
    void store(float[] h, int y, int x0, int x1, int len, boolean clamp, byte[] dst) {
        int row = y * width * ch;
        for (int g = 0; g < segments; g++) {
            int start = x0 + g * len;
            int count = Math.min(len, x1 - start);
            int d = row + start * ch;
            int lane = g * lanes;
            if (clamp) {
                storeClamped(h, lane, count, d, dst);
            } else if (ch == 4) {
                store4(h, lane, count, d, dst);
            } else {
                for (int p = 0; p < count; p++) {
                    for (int c = 0; c < ch; c++) {
                        dst[d + p * ch + c] = (byte) Float.floatToRawIntBits(h[p * BlurTaps.UNIT + lane + c]);
                    }
                }
            }
        }
    }

    private static void store4(float[] h, int s, int count, int d, byte[] dst) {
        // four byte stores measured faster than packing the pixel into one int store through a VarHandle
        for (int p = 0; p < count; p++) {
            int i = s + BlurTaps.UNIT * p;
            int o = d + 4 * p;
            dst[o] = (byte) Float.floatToRawIntBits(h[i]);
            dst[o + 1] = (byte) Float.floatToRawIntBits(h[i + 1]);
            dst[o + 2] = (byte) Float.floatToRawIntBits(h[i + 2]);
            dst[o + 3] = (byte) Float.floatToRawIntBits(h[i + 3]);
        }
    }

    private void storeClamped(float[] h, int lane, int count, int d, byte[] dst) {
        for (int p = 0; p < count; p++) {
            for (int c = 0; c < ch; c++) {
                int v = Math.round(h[p * BlurTaps.UNIT + lane + c] - ROUND);
                dst[d + p * ch + c] = (byte) Math.min(255, Math.max(0, v));
            }
        }
    }
}
