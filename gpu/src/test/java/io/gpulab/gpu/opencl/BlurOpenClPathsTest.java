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
import io.gpulab.tasks.BlurTask;
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
    void theSixteenBitIntermediateRoundsFewSamplesTheOtherWay() {
        // the row pass stores its sums in 16-bit fixed point, at most 1/512 level off; the column pass averages 19
        // of those errors (weights' root sum of squares 0.31), about 3e-4 level, and a result rounds the other way
        // than seq's when its exact value lies that close to a half level: about 0.05% of the samples (measured
        // 0.032% on this image). fp16 (up to 1/16 level off at 128..255), emulated in the kernel once, moved 0.63%.
        long seed = 1616;
        BlurInput in = new BlurInput(List.of(SyntheticImages.generate(640, 360, 4, seed)), BlurSpec.gaussian(3));
        BlurOutput expected;
        BlurOutput actual;
        try (Backend b = RequireBackend.available("opencl").open(BackendOptions.defaults());
                Kernel<BlurInput, BlurOutput> k = b.prepare(Tasks.BLUR, in);
                Kernel<BlurInput, BlurOutput> ref = new SeqBackend().prepare(Tasks.BLUR, in)) {
            expected = ref.run(in);
            actual = k.run(in);
        }
        byte[] e = expected.images().get(0).pixels();
        byte[] a = actual.images().get(0).pixels();
        long off = 0;
        int max = 0;
        for (int i = 0; i < e.length; i++) {
            int d = Math.abs((e[i] & 0xFF) - (a[i] & 0xFF));
            off += d > 0 ? 1 : 0;
            max = Math.max(max, d);
        }
        System.out.printf("BlurOpenClPathsTest seed %d: %d of %d samples 1 level from seq (%.3f%%)%n", seed, off,
                e.length, 100.0 * off / e.length);
        assertTrue(max <= BlurTask.TOLERANCE, "max difference " + max);
        assertTrue(off <= e.length / 500, off + " of " + e.length + " samples differ from seq (seed " + seed + ")");
    }

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
