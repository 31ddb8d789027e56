package io.gpulab.tasks;

import io.gpulab.api.Size;
import io.gpulab.api.Task;
import io.gpulab.api.Verdict;
import io.gpulab.images.Image;
import io.gpulab.images.SyntheticImages;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Blurs images with a separable Gaussian or a box, borders replicating the edge pixel.
 *
 * <p>Outputs agree when every sample is within {@link #TOLERANCE} levels of the reference: backends may sum in
 * another order or in single precision, which moves a rounding by one level.
 */
public final class BlurTask implements Task<BlurInput, BlurOutput> {

    /** The published per-sample tolerance, in levels of 0..255. */
    public static final int TOLERANCE = 1;

    BlurTask() {
    }

    @Override
    public String id() {
        return "blur";
    }

    @Override
    public String unit() {
        return "pixels";
    }

    @Override
    public BlurInput input(Size size, long seed) {
        return switch (size) {
            case TINY -> new BlurInput(List.of(SyntheticImages.generate(67, 45, 4, seed)), BlurSpec.gaussian(2));
            case SMALL -> new BlurInput(List.of(SyntheticImages.generate(1920, 1080, 4, seed)), BlurSpec.gaussian(3));
            case MEDIUM -> new BlurInput(List.of(SyntheticImages.generate(3840, 2160, 4, seed)), BlurSpec.gaussian(3));
            case LARGE -> new BlurInput(List.of(SyntheticImages.generate(7680, 4320, 4, seed)), BlurSpec.gaussian(3));
        };
    }

    @Override
    public long workUnits(BlurInput input) {
        return input.images().stream().mapToLong(Image::pixelCount).sum();
    }

    @Override
    public Verdict compare(BlurOutput expected, BlurOutput actual) {
        if (expected.images().size() != actual.images().size()) {
            return Verdict.mismatch(Math.abs(expected.images().size() - actual.images().size()),
                    "image count " + actual.images().size() + ", expected " + expected.images().size());
        }
        long mismatches = 0;
        String first = null;
        for (int i = 0; i < expected.images().size(); i++) {
            Image e = expected.images().get(i);
            Image a = actual.images().get(i);
            if (e.width() != a.width() || e.height() != a.height() || e.channels() != a.channels()) {
                mismatches += e.pixelCount();
                if (first == null) {
                    first = "image " + i + ": shape " + a + ", expected " + e;
                }
                continue;
            }
            // through buffer(), so that a direct image is compared without a heap copy
            ByteBuffer ep = e.buffer();
            ByteBuffer ap = a.buffer();
            for (int k = 0, n = e.sampleCount(); k < n; k++) {
                int d = Math.abs((ep.get(k) & 0xFF) - (ap.get(k) & 0xFF));
                if (d > TOLERANCE) {
                    if (first == null) {
                        int px = k / e.channels();
                        first = "image " + i + " pixel (" + px % e.width() + ", " + px / e.width() + ") channel "
                                + k % e.channels() + ": " + (ap.get(k) & 0xFF) + ", expected " + (ep.get(k) & 0xFF);
                    }
                    mismatches++;
                }
            }
        }
        return mismatches == 0 ? Verdict.match() : Verdict.mismatch(mismatches, first);
    }
}
