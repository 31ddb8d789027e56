package io.gpulab.gpu;

import io.gpulab.api.BackendException;
import io.gpulab.gpu.device.Device;
import io.gpulab.gpu.device.DeviceBuffer;
import io.gpulab.gpu.device.DeviceFunction;
import io.gpulab.gpu.device.KernelSpec;
import io.gpulab.images.Image;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurMerge;
import io.gpulab.tasks.BlurOutput;
import io.gpulab.tasks.BlurShards;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Blurs images with the two passes of {@code blur.cl} on either runtime: rows into a 16-bit fixed-point buffer
 * (8 fraction bits, at most 1/512 of a level off), then columns into bytes.
 *
 * <p>Decomposition: each image is cut into the task's horizontal bands ({@link BlurShards}, sized by
 * {@link BlurBands}) so that the largest buffer, the 16-bit row-pass output of the band and its halo, stays within the
 * device's per-buffer budget and the row pass's grid within the device's second-dimension limit (65535 blocks on
 * CUDA); usually one band covers the image. Row-pass work-groups are {@value #TILE} x 1 pixels, column-pass groups
 * {@value #COL} x {@value #COL}, each staging its inputs in a local-memory tile for radii up to
 * {@value #LOCAL_RADIUS}. Traffic: the 2r + 1 float weights once per run; per band, its source rows with halo up and
 * its output rows down, as interleaved 8-bit samples through the off-heap staging buffers, the output rows copied
 * from there into the task's merge ({@link BlurMerge}); the 16-bit intermediate never leaves the device. The buffers
 * are kept across runs and grow when an image needs more.
 */
public final class BlurGpu extends GpuKernel<BlurInput, BlurOutput> {

    /** The row pass: (src, tmp, w, r, width, rows, ch). */
    public static final KernelSpec ROWS = new KernelSpec("blur", "blur_rows", "pppiiii");
    /** The column pass: (tmp, dst, w, r, width, height, ch, src_row0, src_rows, out_row0, out_rows). */
    public static final KernelSpec COLS = new KernelSpec("blur", "blur_cols", "pppiiiiiiii");
    /** The row-pass work-group width: BLUR_TILE. */
    public static final int TILE = 128;
    /** The column-pass work-group width and height: BLUR_COL_X and BLUR_COL_Y. */
    public static final int COL = 16;
    /** The largest radius the passes stage in local memory: BLUR_LOCAL_RADIUS. */
    public static final int LOCAL_RADIUS = 32;
    /** The compile-time constants both passes are built with. */
    public static final Map<String, Integer> DEFINES = defines();

    private final DeviceFunction rows;
    private final DeviceFunction cols;
    private final DeviceBuffer weights;
    private final DeviceBuffer src;
    private final DeviceBuffer tmp;
    private final DeviceBuffer dst;

    /** Builds or loads both passes and checks the device takes their group shapes. */
    BlurGpu(Device device) {
        super(device);
        this.rows = device.function(ROWS, DEFINES);
        this.cols = device.function(COLS, DEFINES);
        this.weights = device.buffer("blur weights", DeviceBuffer.Access.IN);
        this.src = device.buffer("blur source band", DeviceBuffer.Access.IN);
        this.tmp = device.buffer("blur row-pass band", DeviceBuffer.Access.SCRATCH);
        this.dst = device.buffer("blur output band", DeviceBuffer.Access.OUT);
        if (device.maxGroupSize(rows) < TILE || device.maxGroupSize(cols) < COL * COL) {
            close();
            throw new BackendException(device.runtime() + ": the device (" + device.description() + ") cannot "
                    + "launch the blur work-groups of " + TILE + " and " + COL * COL + " items");
        }
    }

    private static Map<String, Integer> defines() {
        Map<String, Integer> d = new LinkedHashMap<>();
        d.put("BLUR_TILE", TILE);
        d.put("BLUR_COL_X", COL);
        d.put("BLUR_COL_Y", COL);
        d.put("BLUR_LOCAL_RADIUS", LOCAL_RADIUS);
        return Collections.unmodifiableMap(d);
    }

    @Override
    String describe(BlurInput input) {
        return "blur " + input.spec();
    }

    @Override
    BlurOutput compute(BlurInput input) {
        float[] w = input.spec().weights();
        weights.ensure(4L * w.length);
        weights.host().asFloatBuffer().put(w);
        weights.upload(4L * w.length);
        BlurMerge merge = new BlurMerge(input);
        for (int i = 0; i < input.images().size(); i++) {
            blur(i, input.images().get(i), w.length / 2, merge);
        }
        return merge.output();
    }

    /** Blurs one image band by band, each band's output rows downloaded straight into the merge's output. */
    private void blur(int index, Image img, int r, BlurMerge merge) {
        int width = img.width();
        int ch = img.channels();
        long line = (long) width * ch;
        List<BlurShards.Band> bands = BlurBands.plan(index, width, img.height(), ch, r, device.budget(),
                device.maxGroupsY());
        int maxSrc = bands.stream().mapToInt(BlurShards.Band::srcRows).max().orElse(1);
        int maxOut = bands.stream().mapToInt(BlurShards.Band::outRows).max().orElse(1);
        src.ensure(line * maxSrc);
        tmp.ensure(BlurBands.bytesPerRow(width, ch) * maxSrc);
        dst.ensure(line * maxOut);
        byte[] result = merge.target(index);
        for (BlurShards.Band b : bands) {
            long inBytes = line * b.srcRows();
            long outBytes = line * b.outRows();
            src.host().put(img.pixels(), (int) (line * b.srcRow0()), (int) inBytes);
            src.upload(inBytes);
            device.launch(rows, ceilDiv(width, TILE), b.srcRows(), TILE, 1, src, tmp, weights, r, width, b.srcRows(),
                    ch);
            device.launch(cols, ceilDiv(width, COL), ceilDiv(b.outRows(), COL), COL, COL, tmp, dst, weights, r, width,
                    img.height(), ch, b.srcRow0(), b.srcRows(), b.outRow0(), b.outRows());
            dst.download(0, outBytes);
            device.sync();
            dst.host().get(result, (int) (line * b.outRow0()), (int) outBytes);
            workDone((long) width * b.outRows());
        }
        if (bands.size() > 1) {
            event("blur image " + index + " (" + img + ") split into " + bands.size() + " bands of at most "
                    + maxOut + " rows (per-buffer budget " + device.budget() + " bytes)");
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** Returns the device bytes this kernel holds between runs. */
    public long deviceBytes() {
        return weights.capacity() + src.capacity() + tmp.capacity() + dst.capacity();
    }

    @Override
    public void close() {
        weights.close();
        src.close();
        tmp.close();
        dst.close();
        rows.close();
        cols.close();
    }
}
