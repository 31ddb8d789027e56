package io.gpulab.bench;

import io.gpulab.images.SyntheticImages;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurSpec;
import java.util.List;

/** Names the blur benchmark sizes: the peer measurements' 4K RGBA frame with two blurs, and a quick one. */
public enum BlurSize implements BenchSize<BlurInput> {
    /** A 640x360 RGBA frame, Gaussian sigma 3: seconds on any backend, for {@code --quick}. */
    QUICK(640, 360, BlurSpec.gaussian(3)),
    /** A 3840x2160 RGBA frame, Gaussian sigma 3 (radius 9), as the peers measured. */
    UHD_GAUSSIAN_3(3840, 2160, BlurSpec.gaussian(3)),
    /** A 3840x2160 RGBA frame, 5x5 box (R = 2), as the peers measured. */
    UHD_BOX_2(3840, 2160, BlurSpec.box(2));

    private final int width;
    private final int height;
    private final BlurSpec spec;

    BlurSize(int width, int height, BlurSpec spec) {
        this.width = width;
        this.height = height;
        this.spec = spec;
    }

    @Override
    public BlurInput input(long seed) {
        return new BlurInput(List.of(SyntheticImages.generate(width, height, 4, seed)), spec);
    }

    @Override
    public long workUnits() {
        return (long) width * height;
    }

    @Override
    public String label() {
        return width + "x" + height + " RGBA " + spec;
    }
}
