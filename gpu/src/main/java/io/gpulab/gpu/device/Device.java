package io.gpulab.gpu.device;

import io.gpulab.api.Phase;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs kernels on one opened GPU device through one runtime (OpenCL or CUDA): the thin layer under the shared GPU
 * host code ({@link io.gpulab.gpu.GpuBackend} and the task kernels beside it), so that everything above it is
 * written once and exercised by the OpenCL conformance run on PoCL.
 *
 * <p>Work goes on {@value #QUEUES} in-order queues (OpenCL command queues, CUDA streams), queue 0 unless the host
 * code picks another with {@link #queue}: {@link DeviceBuffer#upload}, {@link #launch} and
 * {@link DeviceBuffer#download} only enqueue, and the host waits in {@link #sync}, {@link #hostWait} or
 * {@link #endRun} alone. Work on one queue runs in order; work on two queues may run at the same time (a copy beside a
 * kernel), so a buffer one queue uses is safe for the other only after an {@link #await} of an event
 * {@link #mark marked} after that use. Every enqueued copy and launch is timed on the device and summed into the
 * phases of the run ({@link Phases}); where the queues overlap, the phases add up to more than the run took.
 * Failures are typed: {@link io.gpulab.api.DeviceOutOfMemoryException} when an allocation does not fit,
 * {@link io.gpulab.api.BackendException} naming the runtime error otherwise.
 */
public interface Device extends AutoCloseable {

    /** The number of queues, 0 and 1, that the host code may put work on. */
    int QUEUES = 2;

    /** Returns the runtime, which is also the backend id: {@code opencl} or {@code cuda}. */
    String runtime();

    /** Returns the one-line description of the device recorded with every result. */
    String description();

    /**
     * Returns the most bytes one buffer may hold: the runtime's limit (allocation limit, a quarter of the device
     * memory) lowered by the {@code device.maxBufferBytes} option; inputs are split to fit it.
     */
    long budget();

    /**
     * Returns the most bytes one buffer that cannot be split may hold (a table every launch reads whole, such as the
     * sieving primes): the runtime's own limit, not lowered by {@code device.maxBufferBytes}, which only makes
     * splittable work split.
     */
    long tableLimit();

    /** Returns the bytes a buffer argument's offset ({@link DeviceBuffer#at}) must be a multiple of. */
    long offsetAlignment();

    /**
     * Returns whether the device is a CPU (PoCL and the like), which runs a work-group's items one after the other
     * and vectorizes them only where their code is straight-line, so that kernels give it explicit vector lanes.
     */
    boolean cpu();

    /**
     * Returns whether the sieve should cross off its larger primes with one work-item and plain ORs rather than
     * with every work-item and local atomics ({@link DeviceOptions#SIEVE_CROSSING}; by default on CPU devices).
     */
    boolean serialSieveCrossing();

    /**
     * Returns whether the blur cuts a batch of one large image into bands dealt to the two queues so that their
     * copies overlap their kernels ({@link DeviceOptions#BLUR_PIPELINE}; by default on GPUs, never on CPU devices,
     * whose copies run on the cores the kernels need).
     */
    boolean blurPipeline();

    /** Returns the most work-groups a launch may have in its second dimension. */
    int maxGroupsY();

    /**
     * Returns a kernel function, building (OpenCL) or loading (CUDA) its program on first use, outside any timing.
     *
     * @param defines the compile-time constants the kernel is built with; a runtime that ships prebuilt code
     *     accepts only the values it was built with
     */
    DeviceFunction function(KernelSpec spec, Map<String, Integer> defines);

    /** Returns the largest work-group (block) this function can be launched with on the device. */
    long maxGroupSize(DeviceFunction function);

    /**
     * Returns {@code bytes} of host memory that {@link DeviceBuffer#upload(ByteBuffer, long, long)} and
     * {@link DeviceBuffer#download(long, long, ByteBuffer, long)} copy by DMA without a staging copy: a direct
     * buffer on OpenCL, page-locked memory on CUDA. Its lifetime is the Java buffer's, never the device's: it stays
     * valid while it (or a view of it) is reachable, also after this device closes, and is freed after that.
     *
     * @throws io.gpulab.api.DeviceOutOfMemoryException when the host cannot give that much
     */
    ByteBuffer hostMemory(long bytes);

    /** Creates an empty buffer, named for error messages; it allocates on {@link DeviceBuffer#ensure}. */
    DeviceBuffer buffer(String what, DeviceBuffer.Access access);

    /**
     * Enqueues a launch of {@code groupsX x groupsY} work-groups of {@code localX x localY} work-items; nothing
     * for an empty grid.
     *
     * @param args {@link DeviceBuffer}s or their {@link DeviceBuffer#at offsets}, {@code Integer} (32 bits),
     *     {@code Long} (64 bits) or {@code Float}, checked against the function's {@link KernelSpec#signature}
     * @throws io.gpulab.api.BackendException when the arguments do not match the signature
     */
    void launch(DeviceFunction function, int groupsX, int groupsY, int localX, int localY, Object... args);

    /** Waits until everything enqueued on every queue has finished, so that downloaded host bytes are valid. */
    void sync();

    /**
     * Makes the copies and launches enqueued from now on go to queue {@code q}, 0 or 1; every run starts on queue 0.
     *
     * @throws IllegalArgumentException for another queue number
     */
    void queue(int q);

    /**
     * Returns {@code q} when it names a queue, for the runtimes' {@link #queue(int)}.
     *
     * @throws IllegalArgumentException for another queue number
     */
    static int checkQueue(int q) {
        if (q < 0 || q >= QUEUES) {
            throw new IllegalArgumentException("queue " + q + " of " + QUEUES);
        }
        return q;
    }

    /** Returns the queue copies and launches go to now. */
    int queue();

    /** Enqueues a marker on the current queue and returns its event, which completes with the work before it. */
    DeviceEvent mark();

    /** Makes the current queue wait, on the device, until the event completes; the host does not wait. */
    void await(DeviceEvent event);

    /** Waits on the host until the event completes, so that the copies before it are done. */
    void hostWait(DeviceEvent event);

    /** Forgets the timings and events of an earlier run and goes back to queue 0. */
    void beginRun();

    /** Waits for every queue and returns the device seconds of each phase since {@link #beginRun}. */
    Map<Phase, Double> endRun();

    /**
     * Runs device work, turning runtime failures into typed backend exceptions; a runtime whose context breaks for
     * good on some errors (CUDA's sticky errors) makes a fresh one for the next job and says so.
     */
    <T> T guard(String operation, Supplier<T> work);

    /** Returns the seconds of one-off setup phases so far (context creation, program build, module load). */
    Map<Phase, Double> setupPhases();

    /** Releases the queues or context. */
    @Override
    void close();
}
