package io.gpulab.gpu.cuda;

import io.gpulab.api.Kernel;
import io.gpulab.api.Phase;
import io.gpulab.gpu.BlurBands;
import io.gpulab.images.Image;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Blurs images on the GPU with the two passes of {@code blur.cl}: rows into a float buffer, then columns.
 *
 * <p>Decomposition: each image is cut into bands by {@link BlurBands}, as on opencl, so that the largest buffer
 * (the float row-pass output of the band and its halo) fits the per-buffer budget ({@link CudaContext#budget})
 * and the row pass grid stays within 65535 blocks in y (usually the whole image is one band). A band uploads its
 * output rows plus {@code r} halo rows on each side; {@code blur_rows} runs one thread per pixel of a row in
 * blocks of {@link #TILE} x 1, {@code blur_cols} one thread per output pixel in blocks of {@link #COL_X} x
 * {@link #COL_Y}; both stage their inputs in shared memory when {@code r <= 32}.
 *
 * <p>Memory and transfers: interleaved 8-bit samples go up (pinned), 4-byte floats stay on the device between the
 * passes, 8-bit samples come back (pinned); the {@code 2r + 1} float weights go up once per band.
 */
final class BlurCuda implements Kernel<BlurInput, BlurOutput> {

    /** The row pass: (src, tmp, w, r, width, rows, ch). */
    static final CudaKernelSpec ROWS = new CudaKernelSpec("blur", "blur_rows", "pppiiii");
    /** The column pass: (tmp, dst, w, r, width, height, ch, src_row0, src_rows, out_row0, out_rows). */
    static final CudaKernelSpec COLS = new CudaKernelSpec("blur", "blur_cols", "pppiiiiiiii");
    /** The row pass block width: blur.cl's default BLUR_TILE, which the PTX was built with. */
    static final int TILE = 128;
    /** The column pass block width: blur.cl's default BLUR_COL_X. */
    static final int COL_X = 16;
    /** The column pass block height: blur.cl's default BLUR_COL_Y. */
    static final int COL_Y = 16;

    /** The most rows of a band, so that the row pass grid stays within CUDA's 65535 blocks in y. */
    private static final int MAX_BAND_ROWS = 65535;

    private final CudaContext context;
    private final long maxChunkBytes;
    private final CudaBuffer src;
    private final CudaBuffer tmp;
    private final CudaBuffer dst;
    private final CudaBuffer weights;
    private final CudaTimer timer;

    /** Creates the kernel in this context; buffers are allocated on the first run and grown as needed. */
    BlurCuda(CudaContext context, long maxChunkBytes) {
        this.context = context;
        this.maxChunkBytes = maxChunkBytes;
        this.src = new CudaBuffer(context, "blur source band", true);
        this.tmp = new CudaBuffer(context, "blur row-pass band", false);
        this.dst = new CudaBuffer(context, "blur output band", true);
        this.weights = new CudaBuffer(context, "blur weights", true);
        this.timer = new CudaTimer(context);
    }

    @Override
    public BlurOutput run(BlurInput input) {
        return context.guard("blur " + input.spec(), () -> {
            timer.reset();
            float[] w = input.spec().weights();
            List<Image> out = new ArrayList<>(input.images().size());
            for (Image img : input.images()) {
                out.add(blur(img, w));
            }
            return new BlurOutput(out);
        });
    }

    private Image blur(Image img, float[] w) {
        int r = w.length / 2;
        int width = img.width();
        int height = img.height();
        int ch = img.channels();
        long line = (long) width * ch;
        List<BlurBands.Band> bands = BlurBands.plan(width, height, ch, r, context.budget(maxChunkBytes),
                MAX_BAND_ROWS);
        byte[] pixels = new byte[img.pixels().length];
        weights.ensure(4L * w.length);
        weights.hostView(4L * w.length).asFloatBuffer().put(w);
        for (BlurBands.Band b : bands) {
            long inBytes = b.srcRows() * line;
            long outBytes = b.outRows() * line;
            src.ensure(inBytes);
            tmp.ensure(4 * inBytes);
            dst.ensure(outBytes);
            src.hostView(inBytes).put(img.pixels(), (int) (b.srcRow0() * line), (int) inBytes);
            timer.start();
            weights.upload(4L * w.length);
            src.upload(inBytes);
            timer.uploaded();
            CudaLaunch.of(context, ROWS).pointer(src.device()).pointer(tmp.device()).pointer(weights.device())
                    .u32(r).u32(width).u32(b.srcRows()).u32(ch).run(ceilDiv(width, TILE), b.srcRows(), TILE, 1);
            CudaLaunch.of(context, COLS).pointer(tmp.device()).pointer(dst.device()).pointer(weights.device())
                    .u32(r).u32(width).u32(height).u32(ch).u32(b.srcRow0()).u32(b.srcRows()).u32(b.outRow0())
                    .u32(b.outRows()).run(ceilDiv(width, COL_X), ceilDiv(b.outRows(), COL_Y), COL_X, COL_Y);
            timer.computed();
            dst.download(outBytes);
            timer.chunkDone();
            dst.hostView(outBytes).get(pixels, (int) (b.outRow0() * line), (int) outBytes);
        }
        return new Image(width, height, ch, pixels);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    @Override
    public Map<Phase, Double> phases() {
        return timer.phases();
    }

    @Override
    public void close() {
        src.close();
        tmp.close();
        dst.close();
        weights.close();
        timer.close();
    }
}
