package io.gpulab.cpu.seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.images.BlurWeights;
import io.gpulab.images.Image;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks the default blur path rule: one-shot work takes the C2 path, a JVM that has blurred enough takes the Vector
 * API path, and the property's values force either.
 */
class BlurPathTest {

    @Test
    void autoKeepsOneShotRunsOnTheC2Path() {
        // the 24 Kodak photos (768 x 512 RGB) at sigma 2, the one-shot run of issue 15, and one 4K RGBA frame
        long kodak = BlurSeq.work(Collections.nCopies(24, Image.blank(768, 512, 3)), BlurWeights.gaussian(2).length);
        long uhd = BlurPath.work(Image.blank(3840, 2160, 4), BlurWeights.gaussian(3).length);
        assertFalse(BlurPath.choose(BlurPath.Mode.AUTO, 0));
        assertFalse(BlurPath.choose(BlurPath.Mode.AUTO, kodak));
        assertFalse(BlurPath.choose(BlurPath.Mode.AUTO, 10 * uhd), "ten 4K frames are still a short run");
        assertTrue(BlurPath.choose(BlurPath.Mode.AUTO, 40 * uhd), "a long run switches to the Vector API");
        assertTrue(BlurPath.choose(BlurPath.Mode.AUTO, BlurPath.AUTO_WORK));
    }

    @Test
    void trueAndFalseForceThePath() {
        assertEquals(BlurPath.Mode.AUTO, BlurPath.mode("auto"));
        assertEquals(BlurPath.Mode.ALWAYS, BlurPath.mode("true"));
        assertEquals(BlurPath.Mode.NEVER, BlurPath.mode("FALSE"));
        for (long before : List.of(0L, BlurPath.AUTO_WORK * 2)) {
            assertTrue(BlurPath.choose(BlurPath.Mode.ALWAYS, before));
            assertFalse(BlurPath.choose(BlurPath.Mode.NEVER, before));
        }
    }

    @Test
    void timingAfterWarmUpRunsSwitchesAutoAtOnce() {
        BlurPath.expectWarmedUpTiming();
        assertTrue(BlurPath.workDone() >= BlurPath.AUTO_WORK);
        assertTrue(BlurPath.choose(BlurPath.Mode.AUTO, BlurPath.workDone()));
    }

    @Test
    void workCountsSamplesTimesTaps() {
        assertEquals(768L * 512 * 3 * 13, BlurPath.work(Image.blank(768, 512, 3), 13));
    }
}
