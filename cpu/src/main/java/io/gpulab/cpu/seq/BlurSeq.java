package io.gpulab.cpu.seq;

import io.gpulab.api.Kernel;
import io.gpulab.images.Image;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurOutput;
import java.util.ArrayList;
import java.util.List;

/** Blurs each image on one thread: a separable pass over rows, then over columns, borders replicated. */
public final class BlurSeq implements Kernel<BlurInput, BlurOutput> {

    @Override
    public BlurOutput run(BlurInput input) {
        List<Image> out = new ArrayList<>(input.images().size());
        float[] w = input.spec().weights();
        for (Image img : input.images()) {
            out.add(blur(img, w));
        }
        return new BlurOutput(out);
    }

    /** Blurs one image with these separable weights. */
    public static Image blur(Image img, float[] w) {
        int width = img.width();
        int height = img.height();
        int ch = img.channels();
        int r = w.length / 2;
        byte[] src = img.pixels();
        float[] tmp = new float[src.length];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < ch; c++) {
                    float acc = 0;
                    for (int k = -r; k <= r; k++) {
                        int xx = Math.min(width - 1, Math.max(0, x + k));
                        acc += w[k + r] * (src[(row + xx) * ch + c] & 0xFF);
                    }
                    tmp[(row + x) * ch + c] = acc;
                }
            }
        }
        byte[] dst = new byte[src.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < ch; c++) {
                    float acc = 0;
                    for (int k = -r; k <= r; k++) {
                        int yy = Math.min(height - 1, Math.max(0, y + k));
                        acc += w[k + r] * tmp[(yy * width + x) * ch + c];
                    }
                    int v = (int) (acc + 0.5f);
                    dst[(y * width + x) * ch + c] = (byte) Math.max(0, Math.min(255, v));
                }
            }
        }
        return new Image(width, height, ch, dst);
    }
}
