package io.gpulab.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gpulab.images.Image;
import io.gpulab.images.SyntheticImages;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the one decomposition of a blur batch: bands, their clipped halos, and the merge of their rows. */
class BlurShardsTest {

    @Test
    void bandsCoverEveryRowOnceWithClippedHalos() {
        for (int height : new int[] {1, 2, 7, 16, 100}) {
            for (int r : new int[] {0, 1, 3, 50}) {
                for (int bandRows : new int[] {1, 3, 16, 1000}) {
                    List<BlurShards.Band> bands = BlurShards.bands(2, height, r, bandRows);
                    int next = 0;
                    for (BlurShards.Band b : bands) {
                        String where = "height " + height + " r " + r + " bandRows " + bandRows + " " + b;
                        assertEquals(2, b.image(), where);
                        assertEquals(next, b.outRow0(), where);
                        assertEquals(Math.max(0, b.outRow0() - r), b.srcRow0(), where);
                        assertEquals(Math.min(height, b.outRow0() + b.outRows() + r), b.srcRow0() + b.srcRows(),
                                where);
                        next += b.outRows();
                    }
                    assertEquals(height, next);
                }
            }
        }
    }

    @Test
    void ofTargetCutsTheBatchIntoAboutTargetBands() {
        BlurInput in = new BlurInput(List.of(SyntheticImages.generate(4, 100, 1, 1),
                SyntheticImages.generate(4, 60, 1, 2)), BlurSpec.box(2));
        assertEquals(8, BlurShards.ofTarget(in, 8, 1).bands().size());
        assertEquals(2, BlurShards.ofTarget(in, 8, 100).bands().size());
    }

    @Test
    void mergeWritesEachBandsOwnRows() {
        Image img = SyntheticImages.generate(3, 10, 2, 5);
        BlurInput in = new BlurInput(List.of(img), BlurSpec.box(1));
        BlurMerge m = new BlurMerge(in);
        int rowBytes = 6;
        for (BlurShards.Band b : BlurShards.of(in, 4).bands()) {
            byte[] src = new byte[b.srcRows() * rowBytes];
            System.arraycopy(img.pixels(), b.srcRow0() * rowBytes, src, 0, src.length);
            m.write(b, src, 0, true);
        }
        assertArrayEquals(img.pixels(), m.output().images().get(0).pixels());
    }
}
