package io.gpulab.gpu.cuda;

import io.gpulab.api.DeviceOutOfMemoryException;
import io.gpulab.api.Kernel;
import io.gpulab.images.Image;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Blurs images on the GPU with the two passes of {@code blur.cl}: rows into a float buffer, then columns.
 *
 * <p>Decomposition: each image is cut into bands of output rows that fit the configured chunk size and the free
 * device memory (usually the whole image is one band). A band uploads its output rows plus {@code r} halo rows on
 * each side; {@code blur_rows} runs one thread per sample row position in blocks of {@link #TILE} x 1,
 * {@code blur_cols} one thread per output pixel in blocks of {@link #COL_X} x {@link #COL_Y}; both stage their
 * inputs in shared memory when {@code r <= 32}.
 *
 * <p>Memory and transfers: interleaved 8-bit samples go up (pinned), 4-byte floats stay on the device between the
 * passes, 8-bit samples come back (pinned); the {@code 2r + 1} float weights go up once per image.
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
        int bandRows = bandRows(line, r, height);
        byte[] pixels = new byte[img.pixels().length];
        weights.ensure(4L * w.length);
        weights.hostView(4L * w.length).asFloatBuffer().put(w);
        for (int outRow0 = 0; outRow0 < height; outRow0 += bandRows) {
            int outRows = Math.min(bandRows, height - outRow0);
            int srcRow0 = Math.max(0, outRow0 - r);
            int srcRows = Math.min(height, outRow0 + outRows + r) - srcRow0;
            long inBytes = srcRows * line;
            long outBytes = outRows * line;
            src.ensure(inBytes);
            tmp.ensure(4 * inBytes);
            dst.ensure(outBytes);
            src.hostView(inBytes).put(img.pixels(), (int) (srcRow0 * line), (int) inBytes);
            timer.start();
            weights.upload(4L * w.length);
            src.upload(inBytes);
            timer.uploaded();
            CudaLaunch.of(context, ROWS).pointer(src.device()).pointer(tmp.device()).pointer(weights.device())
                    .u32(r).u32(width).u32(srcRows).u32(ch).run(ceilDiv(width, TILE), srcRows, TILE, 1);
            CudaLaunch.of(context, COLS).pointer(tmp.device()).pointer(dst.device()).pointer(weights.device())
                    .u32(r).u32(width).u32(height).u32(ch).u32(srcRow0).u32(srcRows).u32(outRow0).u32(outRows)
                    .run(ceilDiv(width, COL_X), ceilDiv(outRows, COL_Y), COL_X, COL_Y);
            timer.computed();
            dst.download(outBytes);
            timer.chunkDone();
            dst.hostView(outBytes).get(pixels, (int) (outRow0 * line), (int) outBytes);
        }
        return new Image(width, height, ch, pixels);
    }

    /**
     * Returns the output rows of one band: all rows when the image fits the budget, else as many as fit with
     * their halos (6 bytes per sample: 1 in, 4 float, 1 out).
     *
     * @throws DeviceOutOfMemoryException when not even one output row and its halo fit
     */
    private int bandRows(long line, int r, int height) {
        long budget = Math.min(maxChunkBytes, context.freeBytes() / 2);
        long perRow = 6 * line;
        long fit = budget / perRow - 2L * r;
        if (fit < 1) {
            throw new DeviceOutOfMemoryException("cuda blur band of one row of " + line + " samples with radius " + r,
                    (1 + 2L * r) * perRow, budget);
        }
        return (int) Math.min(Math.min(height, fit), MAX_BAND_ROWS - 2L * r);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    @Override
    public Map<String, Double> phases() {
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
