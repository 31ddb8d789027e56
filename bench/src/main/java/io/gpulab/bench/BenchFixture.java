package io.gpulab.bench;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.Backends;
import io.gpulab.api.Kernel;
import io.gpulab.api.Task;
import io.gpulab.api.Verdict;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Holds what a benchmark's trial setup builds: the opened backend, the seeded input and the prepared kernel,
 * validated once against the reference before anything is timed.
 *
 * @param <I> the task's input record
 * @param <O> the task's output record
 */
public final class BenchFixture<I, O> implements AutoCloseable {

    /** The seed of every benchmark input, so that all machines and backends hash and blur the same data. */
    public static final long SEED = 20_240_601L;

    private final Backend backend;
    private final Kernel<I, O> kernel;
    private final I input;
    private final long compileNanos;
    /** The output of the last run, handed back to the kernel before the next one as the CLI's repeats do. */
    private O last;

    private BenchFixture(Backend backend, Kernel<I, O> kernel, I input, O last) {
        this.backend = backend;
        this.last = last;
        this.kernel = kernel;
        this.input = input;
        double setup = backend.setupPhases().entrySet().stream().filter(e -> e.getKey().setup())
                .mapToDouble(Map.Entry::getValue).sum();
        this.compileNanos = Math.round(setup * 1e9);
    }

    /**
     * Opens the backend, prepares the kernel on the input and checks one run against the expected output.
     *
     * @param task the task
     * @param backendParam the JMH {@code backend} parameter: a backend id ({@code opencl}) or a device id of that
     *     backend ({@code opencl:0:1}, {@code cuda:0}), which also selects the device
     * @param input the seeded input
     * @param expected computes the reference output, or null where the backend is the reference itself
     * @throws io.gpulab.api.BackendUnavailableException with the reason when the backend cannot run here, which
     *     makes JMH skip this parameter combination
     * @throws IllegalStateException when the backend's output disagrees with the reference
     */
    public static <I, O> BenchFixture<I, O> prepare(Task<I, O> task, String backendParam, I input,
            Supplier<O> expected) {
        return prepareFor(task, backendParam, b -> input, expected);
    }

    /**
     * Opens the backend, makes the input with it (as the CLI does, where {@code Backend.hostImage} puts an image in
     * the memory the backend reads without a copy, outside any timing), prepares the kernel on it and checks one run
     * against the expected output.
     *
     * @param input makes the input for the opened backend
     * @see #prepare(Task, String, Object, Supplier)
     */
    public static <I, O> BenchFixture<I, O> prepareFor(Task<I, O> task, String backendParam,
            Function<Backend, I> input, Supplier<O> expected) {
        int colon = backendParam.indexOf(':');
        String id = colon < 0 ? backendParam : backendParam.substring(0, colon);
        BackendOptions options = colon < 0 ? BackendOptions.defaults()
                : BackendOptions.defaults().withDevice(backendParam);
        Backend backend = Backends.open(id, options);
        Kernel<I, O> kernel = null;
        try {
            I in = input.apply(backend);
            kernel = backend.prepare(task, in);
            O first = kernel.run(in);
            if (expected != null) {
                Verdict v = task.compare(expected.get(), first);
                if (!v.ok()) {
                    throw new IllegalStateException(task.id() + " on " + backendParam + " (" + backend.device()
                            + ") disagrees with the reference: " + v);
                }
            }
            return new BenchFixture<>(backend, kernel, in, first);
        } catch (RuntimeException | Error e) {
            if (kernel != null) {
                kernel.close();
            }
            backend.close();
            throw e;
        }
    }

    /** Computes the reference output with the {@code seq} backend, for tasks without a published answer. */
    public static <I, O> O seqReference(Task<I, O> task, I input) {
        try (Backend seq = Backends.open("seq", BackendOptions.defaults());
                Kernel<I, O> k = seq.prepare(task, input)) {
            return k.run(input);
        }
    }

    /**
     * Runs the kernel once on the fixture's input and adds the phases it reports to the counters; the previous run's
     * output, which nobody reads any more, is handed back to the kernel first ({@code Kernel.recycle}), as the CLI's
     * repeated runs do, so that a GPU run writes into its memory instead of allocating new host memory.
     */
    public O run(PhaseCounters counters) {
        if (last != null) {
            kernel.recycle(last);
        }
        O out = kernel.run(input);
        last = out;
        counters.add(kernel.phases(), compileNanos);
        return out;
    }

    /** Returns the input the runs use: the one made for the opened backend. */
    public I input() {
        return input;
    }

    /** Returns the description of the device running the kernel. */
    public String device() {
        return backend.device();
    }

    /** Releases the kernel and the backend. */
    @Override
    public void close() {
        try {
            kernel.close();
        } finally {
            backend.close();
        }
    }
}
