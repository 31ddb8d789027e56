package io.gpulab.gpu.opencl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.Kernel;
import io.gpulab.api.Verdict;
import io.gpulab.conformance.RequireBackend;
import io.gpulab.cpu.seq.SeqBackend;
import io.gpulab.gpu.BlurGpu;
import io.gpulab.images.SyntheticImages;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurOutput;
import io.gpulab.tasks.BlurSpec;
import io.gpulab.tasks.Tasks;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks blur.cl's two paths for every channel count against {@code seq}: the local-memory tiles (radius up to
 * {@link BlurGpu#LOCAL_RADIUS}, the float4 body for RGBA) and the direct global reads beyond it, which the
 * conformance cases' radii do not reach.
 */
class BlurOpenClPathsTest {

    @Test
    void everyChannelCountMatchesSeqOnBothSidesOfTheLocalRadius() {
        Backend seq = new SeqBackend();
        BlurSpec[] specs = {BlurSpec.box(BlurGpu.LOCAL_RADIUS), BlurSpec.box(BlurGpu.LOCAL_RADIUS + 1),
            BlurSpec.box(45)};
        long seed = 77;
        try (Backend b = RequireBackend.available("opencl").open(BackendOptions.defaults())) {
            for (BlurSpec spec : specs) {
                for (int ch = 1; ch <= 4; ch++) {
                    for (int[] s : new int[][] {{300, 70}, {21, 130}}) {
                        BlurInput in = new BlurInput(List.of(SyntheticImages.generate(s[0], s[1], ch, seed)), spec);
                        BlurOutput expected;
                        try (Kernel<BlurInput, BlurOutput> k = seq.prepare(Tasks.BLUR, in)) {
                            expected = k.run(in);
                        }
                        BlurOutput actual;
                        try (Kernel<BlurInput, BlurOutput> k = b.prepare(Tasks.BLUR, in)) {
                            actual = k.run(in);
                        }
                        Verdict v = Tasks.BLUR.compare(expected, actual);
                        assertTrue(v.ok(), s[0] + "x" + s[1] + "x" + ch + " " + spec + " (seed " + seed + "): "
                                + v.mismatches() + " mismatch(es), first " + v.firstMismatch());
                        seed++;
                    }
                }
            }
        }
    }
}
