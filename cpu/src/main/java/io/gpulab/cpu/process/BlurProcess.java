package io.gpulab.cpu.process;

import io.gpulab.api.BackendException;
import io.gpulab.cpu.seq.BlurPath;
import io.gpulab.cpu.seq.BlurSeq;
import io.gpulab.images.Image;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * Blurs images on worker JVMs in bands of rows. The parent copies every image once into a shared input file; a
 * worker maps its band plus {@code r} halo rows above and below (fewer at the true image edges, where the halo
 * does not exist and {@code BlurSeq.blur} then replicates the edge exactly as on the whole image), blurs that
 * sub-image and writes only the band's own rows into the shared output file. Since every output row depends only on
 * input rows within {@code r} of it, the result equals seq bit for bit on the same path: the parent chooses the blur
 * path once per call ({@link BlurPath#choose}) and every band takes it.
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
        int r = w.length / 2;
        List<Image> images = input.images();
        long total = 0;
        long rows = 0;
        for (Image img : images) {
            total += img.pixels().length;
            rows += img.height();
        }
        List<Image> out = new ArrayList<>(images.size());
        if (images.isEmpty()) {
            return new BlurOutput(out);
        }
        boolean vector = BlurPath.choose(BlurSeq.work(images, w.length));
        int bands = shardCount(rows, MIN_BAND_ROWS, rows);
        int bandRows = (int) Math.max(1, (rows + bands - 1) / bands);
        try (SharedFile src = SharedFile.create("blur-in", total);
                SharedFile dst = SharedFile.create("blur-out", total)) {
            List<Shard> shards = new ArrayList<>();
            List<Integer> keeps = new ArrayList<>();
            long base = 0;
            for (int i = 0; i < images.size(); i++) {
                Image img = images.get(i);
                src.write(base, img.pixels(), 0, img.pixels().length);
                int rowBytes = img.width() * img.channels();
                for (int y0 = 0; y0 < img.height(); y0 += bandRows) {
                    int y1 = Math.min(img.height(), y0 + bandRows);
                    int haloTop = Math.max(0, y0 - r);
                    int haloEnd = Math.min(img.height(), y1 + r);
                    shards.add(new Shard("image " + i + " rows [" + y0 + ", " + y1 + ")", WorkerTasks.blur(
                            src.path(), base + (long) haloTop * rowBytes, img.width(), haloEnd - haloTop,
                            img.channels(), y0 - haloTop, y1 - y0, dst.path(), base + (long) y0 * rowBytes, w,
                            vector)));
                    keeps.add(y1 - y0);
                }
                base += img.pixels().length;
            }
            endPhase("copy-in");
            long[] done = pool.run("blur", shards, events);
            for (int i = 0; i < done.length; i++) {
                if (done[i] != keeps.get(i)) {
                    throw new BackendException("blur shard " + shards.get(i).description() + ": worker wrote "
                            + done[i] + " rows instead of " + keeps.get(i));
                }
            }
            endPhase("workers");
            base = 0;
            for (Image img : images) {
                byte[] px = new byte[img.pixels().length];
                dst.read(base, px, 0, px.length);
                out.add(new Image(img.width(), img.height(), img.channels(), px));
                base += px.length;
            }
        }
        endPhase("copy-out");
        return new BlurOutput(out);
    }
}
