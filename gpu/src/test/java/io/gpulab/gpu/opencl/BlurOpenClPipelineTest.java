package io.gpulab.gpu.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.InvalidOptionException;
import io.gpulab.api.Kernel;
import io.gpulab.api.Verdict;
import io.gpulab.conformance.RequireBackend;
import io.gpulab.cpu.seq.SeqBackend;
import io.gpulab.gpu.BlurBands;
import io.gpulab.gpu.device.DeviceOptions;
import io.gpulab.images.Image;
import io.gpulab.images.SyntheticImages;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurOutput;
import io.gpulab.tasks.BlurSpec;
import io.gpulab.tasks.Tasks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the blur's GPU pipeline (a single image cut into bands over the two queues) on PoCL with
 * {@code -X blur.pipeline=on}, which a CPU device does not do by default: each output must be byte for byte the
 * one-band output of the default device and within the tolerance of {@code seq}.
 */
class BlurOpenClPipelineTest {

    private static Backend open(Map<String, String> extra) {
        BackendProvider p = RequireBackend.available("opencl");
        return p.open(new BackendOptions(null, 0, 0, Duration.ofMinutes(1), extra));
    }

    private static BlurOutput run(Backend b, BlurInput in, List<String> events) {
        try (Kernel<BlurInput, BlurOutput> k = b.prepare(Tasks.BLUR, in)) {
            BlurOutput out = k.run(in);
            events.addAll(k.events());
            return out;
        }
    }

    @Test
    void aSingleImageCutIntoPipelinedBandsGivesTheOneBandOutputExactly() {
        // width x height x channels, Gaussian sigma (< 0: box radius), seed
        double[][] shapes = {{640, 360, 4, 3, 1}, {1024, 768, 3, 3, 2}, {3840, 64, 4, -5, 3}, {1500, 1100, 1, 7.5, 4},
            {2000, 300, 2, -20, 5}};
        try (Backend forced = open(Map.of(DeviceOptions.BLUR_PIPELINE, "on")); Backend plain = open(Map.of());
                Backend seq = new SeqBackend()) {
            for (double[] s : shapes) {
                long seed = (long) s[4];
                Image img = SyntheticImages.generate((int) s[0], (int) s[1], (int) s[2], seed);
                BlurSpec spec = s[3] < 0 ? BlurSpec.box((int) -s[3]) : BlurSpec.gaussian(s[3]);
                BlurInput in = new BlurInput(List.of(forced.hostImage(img)), spec);
                String what = img + " " + spec + " seed " + seed;
                int k = BlurBands.pipelineBands(img.width(), img.height(), img.channels(), spec.radius());
                assertTrue(k >= 2, what + ": " + k + " bands, too small to exercise the pipeline");
                List<String> forcedEvents = new ArrayList<>();
                List<String> plainEvents = new ArrayList<>();
                BlurOutput bandedOut = run(forced, in, forcedEvents);
                byte[] banded = bandedOut.images().get(0).pixels();
                byte[] whole = run(plain, new BlurInput(List.of(img), spec), plainEvents).images().get(0).pixels();
                assertTrue(forcedEvents.stream().anyMatch(e -> e.contains("split into " + k + " bands")
                        && e.contains("pipelined")), what + ": " + forcedEvents);
                assertFalse(plainEvents.stream().anyMatch(e -> e.contains("split into")),
                        what + ": a CPU device keeps one band by default: " + plainEvents);
                assertArrayEquals(whole, banded, what + ": " + k + " pipelined bands against one band");
                BlurOutput expected = run(seq, new BlurInput(List.of(img), spec), new ArrayList<>());
                Verdict v = Tasks.BLUR.compare(expected, bandedOut);
                assertTrue(v.ok(), what + ": " + v);
            }
        }
    }

    @Test
    void aBatchOfSeveralImagesKeepsThemWhole() {
        List<Image> imgs = List.of(SyntheticImages.generate(1024, 768, 4, 7), SyntheticImages.generate(640, 360, 4, 8));
        try (Backend forced = open(Map.of(DeviceOptions.BLUR_PIPELINE, "on"))) {
            List<String> events = new ArrayList<>();
            BlurOutput out = run(forced, new BlurInput(imgs, BlurSpec.gaussian(3)), events);
            assertEquals(2, out.images().size());
            assertFalse(events.stream().anyMatch(e -> e.contains("split into")), events.toString());
        }
    }

    @Test
    void rejectsAPipelineOtherThanOnOrOff() {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> open(Map.of(DeviceOptions.BLUR_PIPELINE, "yes")));
        assertTrue(e.getMessage().contains("blur.pipeline must be on or off: yes"), e.getMessage());
    }
}
