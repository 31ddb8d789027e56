package io.gpulab.cpu.forkjoin;

import io.gpulab.api.Kernel;
import io.gpulab.cpu.seq.BlurPath;
import io.gpulab.cpu.seq.BlurSeq;
import io.gpulab.images.Image;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurMerge;
import io.gpulab.tasks.BlurOutput;
import io.gpulab.tasks.BlurShards;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Blurs a batch on a ForkJoinPool: every image is cut into tiles, and all tiles of all images run as independent tasks,
 * each one {@link BlurSeq#blurTile} writing its own part of the image's output array.
 *
 * <p>Decomposition: the task's bands ({@link BlurShards}), of at least {@code 4r} rows and as many as it takes to give
 * every thread {@code 4} tasks, each band cut further into column strips of {@link BlurSeq#stripWidth} pixels (the
 * cache-sized unit of the seq blur). Tiles write straight into their image's output ({@link BlurMerge#target}). What is
 * computed twice: a band widens its {@code r} halo rows above and below again (a copy, no filtering), and within a
 * strip the column pass also runs over the {@code r} halo columns on each side of each segment (BlurSeq does that too,
 * so a strip edge adds nothing beyond it). No output sample is filtered by two tasks. Every tile computes exactly the
 * operations {@code seq} computes for those pixels, so there is no seam at a tile edge. The blur path is chosen once
 * per call ({@link BlurPath#choose}) and every tile takes it, so the result is seq's on that path, bit for bit.
 */
public final class BlurForkJoin implements Kernel<BlurInput, BlurOutput> {

    private static final int TASKS_PER_THREAD = 4;
    private static final int MIN_BAND_ROWS = 16;

    private final ForkJoinPool pool;

    BlurForkJoin(ForkJoinPool pool) {
        this.pool = pool;
    }

    @Override
    public BlurOutput run(BlurInput input) {
        float[] w = input.spec().weights();
        int r = w.length / 2;
        List<Image> images = input.images();
        long strips = 0;
        for (Image img : images) {
            strips += ceilDiv(img.width(), BlurSeq.stripWidth(img.channels(), r));
        }
        long wanted = (long) TASKS_PER_THREAD * pool.getParallelism();
        int bandsWanted = (int) Math.max(1, Math.min(Integer.MAX_VALUE, ceilDiv(wanted, Math.max(1, strips))));
        boolean vector = BlurPath.choose(BlurSeq.work(images, w.length));
        BlurMerge merge = new BlurMerge(input);
        List<ForkJoinTask<?>> tasks = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            Image img = images.get(i);
            byte[] dst = merge.target(i);
            int strip = BlurSeq.stripWidth(img.channels(), r);
            int bandRows = Math.max(Math.max(MIN_BAND_ROWS, 4 * r), ceilDiv(img.height(), bandsWanted));
            for (BlurShards.Band band : BlurShards.bands(i, img.height(), r, bandRows)) {
                int y0 = band.outRow0();
                int y1 = y0 + band.outRows();
                for (int x0 = 0; x0 < img.width(); x0 += strip) {
                    int xs = x0;
                    int xe = Math.min(img.width(), x0 + strip);
                    tasks.add(ForkJoinTask.adapt(() -> BlurSeq.blurTile(img, w, y0, y1, xs, xe, dst, vector)));
                }
            }
        }
        pool.submit(() -> ForkJoinTask.invokeAll(tasks)).join();
        return merge.output();
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
