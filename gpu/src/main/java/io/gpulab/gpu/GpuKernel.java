package io.gpulab.gpu;

import io.gpulab.api.Kernel;
import io.gpulab.api.Phase;
import io.gpulab.gpu.device.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The part every GPU task kernel shares: a run goes through the device's {@link Device#guard}, its copies and
 * launches are timed into the phases, the events it reports (such as a split into several launches) are
 * collected, and the work units whose results reached the host are counted for a progress line.
 *
 * @param <I> the task's input
 * @param <O> the task's output
 */
abstract class GpuKernel<I, O> implements Kernel<I, O> {

    /** The device this kernel runs on. */
    protected final Device device;
    private final List<String> events = new ArrayList<>();
    private final AtomicLong done = new AtomicLong();
    private Map<Phase, Double> phases = Map.of();

    /** Creates the kernel on this device. */
    GpuKernel(Device device) {
        this.device = device;
    }

    @Override
    public final O run(I input) {
        return device.guard(describe(input), () -> {
            device.beginRun();
            events.clear();
            done.set(0);
            O out = compute(input);
            phases = device.endRun();
            return out;
        });
    }

    /** Returns the operation a failure message names, such as {@code sieve [0, 100]}. */
    abstract String describe(I input);

    /** Computes the output, enqueueing the device work; {@link #run} waits for it and reads the phases. */
    abstract O compute(I input);

    /** Adds work units whose results reached the host (counted where the host waits anyway). */
    final void workDone(long units) {
        done.addAndGet(units);
    }

    @Override
    public final long workDone() {
        return done.get();
    }

    /** Adds one line to the events of this run. */
    final void event(String line) {
        events.add(line);
    }

    @Override
    public final Map<Phase, Double> phases() {
        return phases;
    }

    @Override
    public final List<String> events() {
        return List.copyOf(events);
    }
}
