package io.gpulab.images;

import java.util.SplittableRandom;

/** Generates seeded synthetic images that exercise every channel: smooth gradients, edges and noise. */
public final class SyntheticImages {

    private SyntheticImages() {
    }

    /** Returns the same image for the same arguments on every machine and every run. */
    public static Image generate(int width, int height, int channels, long seed) {
        Image img = Image.blank(width, height, channels);
        byte[] p = img.pixels();
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] phase = new int[channels];
        for (int c = 0; c < channels; c++) {
            phase[c] = rnd.nextInt(256);
        }
        int i = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean square = ((x >> 5) + (y >> 5) & 1) == 0;
                for (int c = 0; c < channels; c++) {
                    int gradient = (x * (c + 1) * 255 / Math.max(1, width - 1) + y * 255 / Math.max(1, height - 1)
                            + phase[c]) & 0xFF;
                    int v = square ? gradient : 255 - gradient;
                    v += rnd.nextInt(33) - 16;
                    p[i++] = (byte) Math.max(0, Math.min(255, v));
                }
            }
        }
        return img;
    }
}
