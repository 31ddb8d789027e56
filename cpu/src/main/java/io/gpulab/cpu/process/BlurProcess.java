package io.gpulab.cpu.process;

import io.gpulab.api.BackendException;
import io.gpulab.api.Phase;
import io.gpulab.cpu.seq.BlurPath;
import io.gpulab.cpu.seq.BlurSeq;
import io.gpulab.images.Image;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurMerge;
import io.gpulab.tasks.BlurOutput;
import io.gpulab.tasks.BlurShards;
import java.util.ArrayList;
import java.util.List;

/**
 * Blurs images on worker JVMs in the task's bands of rows ({@link BlurShards}). The parent copies every image once into
 * a shared input file; a worker maps its band plus {@code r} halo rows above and below (fewer at the true image edges,
 * where the halo does not exist and {@code BlurSeq.blur} then replicates the edge exactly as on the whole image), blurs
 * that sub-image and writes only the band's own rows into the shared output file. Since every output row depends only
 * on input rows within {@code r} of it, the result equals seq bit for bit on the same path: the parent chooses the
 * blur path once per call ({@link BlurPath#choose}) and every band takes it.
 */
final class BlurProcess extends ProcessKernel<BlurInput, BlurOutput> {

    /** The fewest rows per band, so that the halo does not dominate the work. */
    private static final int MIN_BAND_ROWS = 16;

    /** Creates the kernel on this pool. */
    BlurProcess(WorkerPool pool, int fixedShards) {
        super(pool, fixedShards);
    }

    @Override
    public BlurOutput run(BlurInput input) {
        List<String> events = beginRun();
        float[] w = input.spec().weights();
        List<Image> images = input.images();
        long total = 0;
        long rows = 0;
        for (Image img : images) {
            total += img.sampleCount();
            rows += img.height();
        }
        BlurMerge merge = new BlurMerge(input);
        if (images.isEmpty()) {
            return merge.output();
        }
        boolean vector = BlurPath.choose(BlurSeq.work(images, w.length));
        int bands = shardCount(rows, MIN_BAND_ROWS, rows);
        BlurShards plan = BlurShards.of(input, (int) Math.max(1, (rows + bands - 1) / bands));
        long[] base = new long[images.size()];
        for (int i = 1; i < images.size(); i++) {
            base[i] = base[i - 1] + images.get(i - 1).sampleCount();
        }
        try (SharedFile src = SharedFile.create("blur-in", total);
                SharedFile dst = SharedFile.create("blur-out", total)) {
            for (int i = 0; i < images.size(); i++) {
                src.write(base[i], images.get(i).pixels(), 0, images.get(i).sampleCount());
            }
            List<Shard> shards = new ArrayList<>();
            for (BlurShards.Band b : plan.bands()) {
                Image img = images.get(b.image());
                int rowBytes = img.width() * img.channels();
                shards.add(new Shard(b.describe(), WorkerTasks.blur(src.path(), base[b.image()]
                        + (long) b.srcRow0() * rowBytes, img.width(), b.srcRows(), img.channels(), b.haloAbove(),
                        b.outRows(), dst.path(), base[b.image()] + (long) b.outRow0() * rowBytes, w, vector)));
            }
            endPhase(Phase.COPY_IN);
            long[] done = pool.run("blur", shards, events);
            for (int i = 0; i < done.length; i++) {
                if (done[i] != plan.bands().get(i).outRows()) {
                    throw new BackendException("blur shard " + shards.get(i).description() + ": worker wrote "
                            + done[i] + " rows instead of " + plan.bands().get(i).outRows());
                }
            }
            endPhase(Phase.WORKERS);
            for (int i = 0; i < images.size(); i++) {
                byte[] px = merge.target(i);
                dst.read(base[i], px, 0, px.length);
            }
        }
        endPhase(Phase.COPY_OUT);
        return merge.output();
    }
}
