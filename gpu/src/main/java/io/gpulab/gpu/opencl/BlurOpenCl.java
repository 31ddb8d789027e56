package io.gpulab.gpu.opencl;

import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;
import static org.jocl.CL.clReleaseKernel;

import io.gpulab.api.BackendException;
import io.gpulab.api.Kernel;
import io.gpulab.api.Phase;
import io.gpulab.gpu.BlurBands;
import io.gpulab.gpu.KernelSources;
import io.gpulab.images.Image;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jocl.Pointer;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * Blurs images with the two passes of {@code blur.cl}: rows into a float buffer, then columns into bytes.
 *
 * <p>Decomposition: each image is cut into horizontal bands ({@link BlurBands}) so that the largest buffer, the
 * float row-pass output of the band and its halo, stays within the backend's per-buffer budget; usually one band
 * covers the image. Row-pass work-groups are {@value #TILE} x 1 pixels, column-pass groups {@value #COL} x
 * {@value #COL}, each staging its inputs in a local-memory tile for radii up to {@value #LOCAL_RADIUS}. Traffic:
 * the 2r + 1 float weights once per run; per band, its source rows with halo up and its output rows down, as
 * interleaved 8-bit samples; the float intermediate never leaves the device. The four device buffers are kept
 * across runs and grow when an image needs more; {@link #close} releases them.
 */
final class BlurOpenCl implements Kernel<BlurInput, BlurOutput> {

    static final int TILE = 128;
    static final int COL = 16;
    static final int LOCAL_RADIUS = 32;

    private static final String OPTIONS = "-D BLUR_TILE=" + TILE + " -D BLUR_COL_X=" + COL + " -D BLUR_COL_Y=" + COL
            + " -D BLUR_LOCAL_RADIUS=" + LOCAL_RADIUS;

    private final OpenClBackend backend;
    private final cl_kernel rows;
    private final cl_kernel cols;
    private final OpenClBuffer weights;
    private final OpenClBuffer src;
    private final OpenClBuffer tmp;
    private final OpenClBuffer dst;
    private final List<String> events = new ArrayList<>();
    private Map<Phase, Double> phases = Map.of();

    /** Builds (or reuses) the program, creates both kernels and checks the device takes their group shapes. */
    BlurOpenCl(OpenClBackend backend, BlurInput input) {
        this.backend = backend;
        this.rows = backend.kernel(KernelSources.BLUR, OPTIONS, "blur_rows");
        this.cols = backend.kernel(KernelSources.BLUR, OPTIONS, "blur_cols");
        this.weights = new OpenClBuffer(backend.queue(), CL_MEM_READ_ONLY);
        this.src = new OpenClBuffer(backend.queue(), CL_MEM_READ_ONLY);
        this.tmp = new OpenClBuffer(backend.queue(), CL_MEM_READ_WRITE);
        this.dst = new OpenClBuffer(backend.queue(), CL_MEM_WRITE_ONLY);
        if (backend.maxGroupSize(rows) < TILE || backend.maxGroupSize(cols) < COL * COL) {
            close();
            throw new BackendException("device " + backend.openClDevice().id() + " cannot launch the blur "
                    + "work-groups of " + TILE + " and " + COL * COL + " items");
        }
    }

    @Override
    public BlurOutput run(BlurInput input) {
        OpenClQueue queue = backend.queue();
        queue.beginRun();
        events.clear();
        float[] w = input.spec().weights();
        cl_mem wmem = weights.ensure(4L * w.length);
        queue.write(wmem, 0, Pointer.to(w), 4L * w.length);
        List<Image> out = new ArrayList<>(input.images().size());
        for (int i = 0; i < input.images().size(); i++) {
            out.add(blur(i, input.images().get(i), wmem, w.length / 2));
        }
        phases = queue.endRun();
        return new BlurOutput(out);
    }

    private Image blur(int index, Image img, cl_mem weights, int r) {
        int width = img.width();
        int ch = img.channels();
        long rowBytes = (long) width * ch;
        List<BlurBands.Band> bands = BlurBands.plan(width, img.height(), ch, r, backend.budget());
        int maxSrc = bands.stream().mapToInt(BlurBands.Band::srcRows).max().orElse(1);
        int maxOut = bands.stream().mapToInt(BlurBands.Band::outRows).max().orElse(1);
        OpenClQueue queue = backend.queue();
        cl_mem src = this.src.ensure(rowBytes * maxSrc);
        cl_mem tmp = this.tmp.ensure(4 * rowBytes * maxSrc);
        cl_mem dst = this.dst.ensure(rowBytes * maxOut);
        byte[] result = new byte[img.pixels().length];
        for (BlurBands.Band b : bands) {
            queue.write(src, 0, Pointer.to(img.pixels()).withByteOffset(rowBytes * b.srcRow0()),
                    rowBytes * b.srcRows());
            OpenClQueue.args(rows, src, tmp, weights, r, width, b.srcRows(), ch);
            queue.launch(rows, new long[] {roundUp(width, TILE), b.srcRows()}, new long[] {TILE, 1});
            OpenClQueue.args(cols, tmp, dst, weights, r, width, img.height(), ch, b.srcRow0(), b.srcRows(),
                    b.outRow0(), b.outRows());
            queue.launch(cols, new long[] {roundUp(width, COL), roundUp(b.outRows(), COL)},
                    new long[] {COL, COL});
            queue.read(dst, 0, Pointer.to(result).withByteOffset(rowBytes * b.outRow0()),
                    rowBytes * b.outRows());
        }
        if (bands.size() > 1) {
            events.add("blur image " + index + " (" + img + ") split into " + bands.size() + " bands of at most "
                    + maxOut + " rows (per-buffer budget " + backend.budget() + " bytes)");
        }
        return new Image(width, img.height(), ch, result);
    }

    /** Returns the device bytes this kernel holds between runs. */
    long deviceBytes() {
        return weights.capacity() + src.capacity() + tmp.capacity() + dst.capacity();
    }

    private static long roundUp(long n, long m) {
        return (n + m - 1) / m * m;
    }

    @Override
    public Map<Phase, Double> phases() {
        return phases;
    }

    @Override
    public List<String> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        weights.close();
        src.close();
        tmp.close();
        dst.close();
        clReleaseKernel(rows);
        clReleaseKernel(cols);
    }
}
