package io.gpulab.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.tasks.BlurShards;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the blur's band sizing: the per-buffer budget, and the pipeline's band count from its arithmetic. */
class BlurBandsTest {

    @Test
    void pipelineBandsFollowTheSquareRootRuleWithinOneAndEight() {
        // sqrt(2 B / (2r L + 256 KiB)): a 4K RGBA frame at radius 9 gives 11, capped at 8
        assertEquals(8, BlurBands.pipelineBands(3840, 2160, 4, 9));
        assertEquals(6, BlurBands.pipelineBands(1920, 1080, 4, 9), "sqrt(41.5)");
        assertEquals(4, BlurBands.pipelineBands(1024, 768, 4, 9), "sqrt(18.7)");
        assertEquals(2, BlurBands.pipelineBands(640, 360, 4, 9), "sqrt(5.2)");
        assertEquals(1, BlurBands.pipelineBands(64, 64, 4, 3), "a small image stays one band");
        assertEquals(1, BlurBands.pipelineBands(1, 1, 1, 0));
        assertEquals(3, BlurBands.pipelineBands(100_000, 3, 4, 0), "never more bands than rows");
    }

    @Test
    void pipelinedBandsAreEvenAndTheBudgetStillRules() {
        List<BlurShards.Band> b = BlurBands.plan(0, 3840, 2160, 4, 9, Long.MAX_VALUE, 65535, 8);
        assertEquals(8, b.size());
        assertTrue(b.stream().allMatch(x -> x.outRows() == 270), b.toString());
        assertEquals(270 + 9, b.get(0).srcRows(), "the first band's halo is clipped at the top");
        assertEquals(270 + 18, b.get(1).srcRows());
        assertEquals(1, BlurBands.plan(0, 3840, 2160, 4, 9, Long.MAX_VALUE, 65535, 1).size());
        // a budget of 100 rows' row-pass output: bands of 82 output rows, more than the pipeline asks for
        List<BlurShards.Band> small = BlurBands.plan(0, 3840, 2160, 4, 9, 100L * 2 * 3840 * 4, 65535, 8);
        assertEquals(27, small.size());
        assertTrue(small.stream().allMatch(x -> x.srcRows() <= 100), small.toString());
    }
}
