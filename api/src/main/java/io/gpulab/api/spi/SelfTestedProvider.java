package io.gpulab.api.spi;

import io.gpulab.api.Availability;
import io.gpulab.api.Backend;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.BackendUnavailableException;
import io.gpulab.api.DeviceInfo;
import java.util.List;
import java.util.Set;

/**
 * Implements the part of {@link BackendProvider} that every provider shares: the id, the tasks its backend's
 * {@link KernelRegistry} declares, and
 * a {@link #probe} that runs once, turns any failure into one readable reason and caches the outcome.
 *
 * <p>A subclass says only how to probe its backend ({@link #probeOnce}), usually by opening it and handing it to
 * {@link #selfTest} with the devices found. The probe is guarded so that two threads asking at once start one
 * probe, not two: a probe may start worker JVMs or create a device context.
 */
public abstract class SelfTestedProvider implements BackendProvider {

    private final String id;
    private final KernelRegistry<?> kernels;
    private volatile Availability cached;

    /**
     * Creates the provider of the backend with this id, which runs the tasks its registry declares; a subclass
     * constructor must touch no native code.
     */
    protected SelfTestedProvider(String id, KernelRegistry<?> kernels) {
        this.id = id;
        this.kernels = kernels;
    }

    @Override
    public final String id() {
        return id;
    }

    /** Returns the tasks the backend's {@link KernelRegistry} declares. */
    @Override
    public final Set<String> tasks() {
        return kernels.tasks();
    }

    /** Returns the cached availability, probing on the first call; a failure the probe throws becomes the reason. */
    @Override
    public final Availability probe() {
        Availability a = cached;
        if (a == null) {
            synchronized (this) {
                a = cached;
                if (a == null) {
                    try {
                        a = probeOnce();
                    } catch (RuntimeException | LinkageError e) {
                        a = Availability.unavailable(SelfTest.oneLine(e));
                    }
                    cached = a;
                }
            }
        }
        return a;
    }

    /**
     * Loads what the backend needs, lists its devices and runs the self-test; called at most once per provider.
     * It may throw: {@link #probe} turns what it throws into the reason.
     */
    protected abstract Availability probeOnce();

    /**
     * Returns the backend opened for use, having self-tested it as the probe when no probe has run yet, so that a
     * backend whose probe is costly (a worker JVM, a device context) starts once, not once for the probe and once
     * for use. The outcome is cached as the probe's; a failed self-test closes the backend and throws.
     *
     * @throws BackendUnavailableException when the self-test fails, or failed in an earlier probe
     */
    protected final Backend openSelfTested(Backend backend, List<DeviceInfo> devices) {
        Availability a;
        synchronized (this) {
            a = cached;
            if (a == null) {
                try {
                    String failure = SelfTest.run(backend, tasks());
                    a = failure == null ? Availability.available(devices) : new Availability(false, failure, devices);
                } catch (RuntimeException | LinkageError e) {
                    a = new Availability(false, SelfTest.oneLine(e), devices);
                }
                cached = a;
            }
        }
        if (!a.available()) {
            backend.close();
            throw new BackendUnavailableException("backend " + id + " is unavailable: " + a.reason());
        }
        return backend;
    }

    /** Returns whether the probe has run (or a backend was self-tested in its place). */
    protected final boolean probed() {
        return cached != null;
    }

    /**
     * Runs the known-answer self-test of {@link #tasks} on an opened backend, closes the backend, and returns the
     * availability on these devices, which stay listed when the self-test fails.
     */
    protected final Availability selfTest(Backend backend, List<DeviceInfo> devices) {
        try (backend) {
            String failure = SelfTest.run(backend, tasks());
            return failure == null ? Availability.available(devices) : new Availability(false, failure, devices);
        }
    }
}
