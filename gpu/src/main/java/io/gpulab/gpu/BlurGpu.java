package io.gpulab.gpu;

import io.gpulab.api.BackendException;
import io.gpulab.gpu.device.Device;
import io.gpulab.gpu.device.DeviceBuffer;
import io.gpulab.gpu.device.DeviceEvent;
import io.gpulab.gpu.device.DeviceFunction;
import io.gpulab.gpu.device.KernelSpec;
import io.gpulab.images.Image;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurOutput;
import io.gpulab.tasks.BlurShards;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
 * CUDA); usually one band covers the image, except that a device that pipelines ({@link Device#blurPipeline}, GPUs
 * by default) cuts a batch of one image into a few bands ({@link BlurBands#pipelineBands}) so that their copies and
 * kernels overlap on the two queues. Row-pass work-groups are {@value #TILE} x 1 pixels, column-pass groups
 * {@value #COL} x {@value #COL}, each staging its inputs in a local-memory tile for radii up to
 * {@value #LOCAL_RADIUS}. Traffic: the 2r + 1 float weights once per run; per band, its source rows with halo up and
 * its output rows down, as interleaved 8-bit samples; the 16-bit intermediate never leaves the device. A direct input
 * image ({@code Backend.hostImage}: page-locked memory on CUDA) is uploaded from its own memory, and every output is
 * a direct image in {@link Device#hostMemory} (new, or an output handed back through {@link #recycle}) that the
 * bands download straight into: no host copy on either side. A heap input goes up through the off-heap staging
 * buffer instead (one host copy per band).
 *
 * <p>Overlap: the bands of all images of a run are jobs dealt in turn to the device's two queues, each queue with
 * its own source, row-pass and output buffers, so that one queue's copies run beside the other's kernels (queue 1
 * first awaits the weights' upload on queue 0). In-order queues keep a queue's buffers from being reused before its
 * previous job finished; before giving a queue its next job the host waits for that queue's previous one, which
 * frees its staging area and counts its pixels for the progress line. The device buffers are kept across runs and
 * grow when an image needs more; a run of one job uses queue 0 and one set of buffers.
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
    /** The most recycled output buffers kept per size. */
    public static final int RECYCLED = 4;
    /** The compile-time constants both passes are built with. */
    public static final Map<String, Integer> DEFINES = defines();

    /**
     * One band of one image, the unit of work a queue takes.
     *
     * @param index the image's index in the batch
     * @param image the image
     * @param band the band
     */
    private record Job(int index, Image image, BlurShards.Band band) {
    }

    private final DeviceFunction rows;
    private final DeviceFunction cols;
    private final DeviceBuffer weights;
    private final DeviceBuffer[] src = new DeviceBuffer[Device.QUEUES];
    private final DeviceBuffer[] tmp = new DeviceBuffer[Device.QUEUES];
    private final DeviceBuffer[] dst = new DeviceBuffer[Device.QUEUES];
    /** The outputs of the last run, by identity, with their memory, which {@link #recycle} may keep. */
    private final Map<Image, ByteBuffer> made = new IdentityHashMap<>();
    /** Memory of recycled outputs by sample count, for the outputs of later runs. */
    private final Map<Integer, Deque<ByteBuffer>> recycled = new HashMap<>();

    /** Builds or loads both passes and checks the device takes their group shapes. */
    BlurGpu(Device device) {
        super(device);
        this.rows = device.function(ROWS, DEFINES);
        this.cols = device.function(COLS, DEFINES);
        this.weights = device.buffer("blur weights", DeviceBuffer.Access.IN);
        for (int q = 0; q < Device.QUEUES; q++) {
            src[q] = device.buffer("blur source band", DeviceBuffer.Access.IN);
            tmp[q] = device.buffer("blur row-pass band", DeviceBuffer.Access.SCRATCH);
            dst[q] = device.buffer("blur output band", DeviceBuffer.Access.OUT);
        }
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
        int r = w.length / 2;
        List<Job> jobs = plan(input.images(), r);
        int queues = jobs.size() > 1 ? Device.QUEUES : 1;
        long srcBytes = 1;
        long tmpBytes = 1;
        long outBytes = 1;
        for (Job j : jobs) {
            Image img = j.image();
            long line = (long) img.width() * img.channels();
            srcBytes = Math.max(srcBytes, line * j.band().srcRows());
            tmpBytes = Math.max(tmpBytes, BlurBands.bytesPerRow(img.width(), img.channels()) * j.band().srcRows());
            outBytes = Math.max(outBytes, line * j.band().outRows());
        }
        for (int q = 0; q < queues; q++) {
            src[q].ensure(srcBytes);
            tmp[q].ensure(tmpBytes);
            dst[q].ensure(outBytes);
        }
        weights.ensure(4L * w.length);
        weights.host().asFloatBuffer().put(w);
        weights.upload(4L * w.length);
        if (queues > 1) {
            DeviceEvent uploaded = device.mark();
            device.queue(1);
            device.await(uploaded);
        }
        List<ByteBuffer> results = new ArrayList<>(input.images().size());
        for (Image img : input.images()) {
            results.add(outputMemory(img.sampleCount()));
        }
        DeviceEvent[] done = new DeviceEvent[queues];
        long[] units = new long[queues];
        for (int k = 0; k < jobs.size(); k++) {
            int q = k % queues;
            device.queue(q);
            if (done[q] != null) {
                // the job before on this queue is done: its staging area is free and its rows are down
                device.hostWait(done[q]);
                workDone(units[q]);
            }
            Job j = jobs.get(k);
            enqueue(j, q, r, results.get(j.index()));
            done[q] = device.mark();
            units[q] = (long) j.image().width() * j.band().outRows();
        }
        for (int q = 0; q < queues; q++) {
            device.hostWait(done[q]);
            workDone(units[q]);
        }
        device.queue(0);
        List<Image> out = new ArrayList<>(results.size());
        made.clear(); // only the last run's outputs can be handed back
        for (int i = 0; i < results.size(); i++) {
            Image img = input.images().get(i);
            Image o = Image.direct(img.width(), img.height(), img.channels(), results.get(i));
            made.put(o, results.get(i));
            out.add(o);
        }
        return new BlurOutput(out);
    }

    /** Returns host memory for an output of this many samples: a recycled output's of that size, else new. */
    private ByteBuffer outputMemory(int samples) {
        Deque<ByteBuffer> d = recycled.get(samples);
        return d != null && !d.isEmpty() ? d.pop() : device.hostMemory(samples);
    }

    /**
     * Keeps the memory of a run's outputs (direct images this kernel made) for the outputs of later runs, so that a
     * repeated run allocates no host memory; at most {@value #RECYCLED} buffers of each size.
     */
    @Override
    public void recycle(BlurOutput output) {
        for (Image img : output.images()) {
            ByteBuffer m = made.remove(img);
            if (m != null) {
                Deque<ByteBuffer> d = recycled.computeIfAbsent(img.sampleCount(), k -> new ArrayDeque<>());
                if (d.size() < RECYCLED) {
                    d.push(m);
                }
            }
        }
    }

    /**
     * Returns the bands of every image in batch order, saying which images were split. A batch of one image is cut
     * into {@link BlurBands#pipelineBands} bands where the device pipelines ({@link Device#blurPipeline}): its bands
     * then overlap on the two queues as a batch's images do. A larger batch keeps its images whole where they fit:
     * its images already overlap, so bands would save only the first upload's wait, once per batch, and cost every
     * image its halos and launches.
     */
    private List<Job> plan(List<Image> images, int r) {
        List<Job> jobs = new ArrayList<>();
        boolean pipeline = images.size() == 1 && device.blurPipeline();
        for (int i = 0; i < images.size(); i++) {
            Image img = images.get(i);
            int minBands = pipeline ? BlurBands.pipelineBands(img.width(), img.height(), img.channels(), r) : 1;
            List<BlurShards.Band> bands = BlurBands.plan(i, img.width(), img.height(), img.channels(), r,
                    device.budget(), device.maxGroupsY(), minBands);
            for (BlurShards.Band b : bands) {
                jobs.add(new Job(i, img, b));
            }
            if (bands.size() > 1) {
                int maxOut = bands.stream().mapToInt(BlurShards.Band::outRows).max().orElse(1);
                event("blur image " + i + " (" + img + ") split into " + bands.size() + " bands of at most "
                        + maxOut + " rows (" + (minBands > 1 ? "pipelined over the two queues, " : "")
                        + "per-buffer budget " + device.budget() + " bytes)");
            }
        }
        return jobs;
    }

    /**
     * Enqueues one band on queue {@code q} with that queue's buffers: its rows up straight from a direct image's
     * memory (a heap image's through the staging area), both passes, and its output rows down straight into the
     * output's memory.
     */
    private void enqueue(Job j, int q, int r, ByteBuffer result) {
        Image img = j.image();
        BlurShards.Band b = j.band();
        int width = img.width();
        int ch = img.channels();
        long line = (long) width * ch;
        long inBytes = line * b.srcRows();
        if (img.isDirect()) {
            src[q].upload(img.buffer(), line * b.srcRow0(), inBytes);
        } else {
            src[q].host().put(img.pixels(), (int) (line * b.srcRow0()), (int) inBytes);
            src[q].upload(inBytes);
        }
        device.launch(rows, ceilDiv(width, TILE), b.srcRows(), TILE, 1, src[q], tmp[q], weights, r, width,
                b.srcRows(), ch);
        device.launch(cols, ceilDiv(width, COL), ceilDiv(b.outRows(), COL), COL, COL, tmp[q], dst[q], weights, r,
                width, img.height(), ch, b.srcRow0(), b.srcRows(), b.outRow0(), b.outRows());
        dst[q].download(0, line * b.outRows(), result, line * b.outRow0());
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** Returns the device bytes this kernel holds between runs. */
    public long deviceBytes() {
        long n = weights.capacity();
        for (int q = 0; q < Device.QUEUES; q++) {
            n += src[q].capacity() + tmp[q].capacity() + dst[q].capacity();
        }
        return n;
    }

    @Override
    public void close() {
        weights.close();
        for (int q = 0; q < Device.QUEUES; q++) {
            src[q].close();
            tmp[q].close();
            dst[q].close();
        }
        rows.close();
        cols.close();
    }
}
