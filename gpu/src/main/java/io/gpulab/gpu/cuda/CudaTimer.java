package io.gpulab.gpu.cuda;

import io.gpulab.api.Phase;
import java.util.EnumMap;
import java.util.Map;
import jcuda.driver.CUevent;
import jcuda.driver.JCudaDriver;

/**
 * Times the upload, kernel and download phases of a run with CUDA events on the backend's stream, summing over
 * the chunks of a split input.
 *
 * <p>Events measure device time between stream positions, so host work between enqueues (packing the next
 * chunk) does not count, and nothing is synchronized except at {@link #chunkDone}, where the host needs the
 * chunk's results anyway.
 */
final class CudaTimer {

    private static final Phase[] PHASES = {Phase.UPLOAD, Phase.KERNEL, Phase.DOWNLOAD};

    private final CudaContext context;
    private final CUevent[] marks = new CUevent[PHASES.length + 1];
    private final double[] seconds = new double[PHASES.length];
    private int generation = -1;

    /** Creates a timer whose events are made on first use in the current context. */
    CudaTimer(CudaContext context) {
        this.context = context;
    }

    /** Forgets the times of the previous run. */
    void reset() {
        java.util.Arrays.fill(seconds, 0);
    }

    /** Records the start of a chunk (before its upload). */
    void start() {
        mark(0);
    }

    /** Records the end of a chunk's upload. */
    void uploaded() {
        mark(1);
    }

    /** Records the end of a chunk's kernels. */
    void computed() {
        mark(2);
    }

    /** Records the end of a chunk's download, waits for it and adds the chunk's phase times. */
    void chunkDone() {
        mark(3);
        JCudaDriver.cuEventSynchronize(marks[3]);
        float[] ms = new float[1];
        for (int i = 0; i < PHASES.length; i++) {
            JCudaDriver.cuEventElapsedTime(ms, marks[i], marks[i + 1]);
            seconds[i] += ms[0] / 1000.0;
        }
    }

    /** Returns the summed seconds of each phase, in order. */
    Map<Phase, Double> phases() {
        Map<Phase, Double> out = new EnumMap<>(Phase.class);
        for (int i = 0; i < PHASES.length; i++) {
            out.put(PHASES[i], seconds[i]);
        }
        return out;
    }

    private void mark(int i) {
        if (generation != context.generation()) {
            for (int k = 0; k < marks.length; k++) {
                marks[k] = new CUevent();
                JCudaDriver.cuEventCreate(marks[k], 0);
            }
            generation = context.generation();
        }
        JCudaDriver.cuEventRecord(marks[i], context.stream());
    }

    /** Destroys the events if they belong to the live context. */
    void close() {
        if (generation == context.generation()) {
            for (CUevent e : marks) {
                JCudaDriver.cuEventDestroy(e);
            }
            generation = -1;
        }
    }
}
