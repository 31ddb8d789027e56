package io.gpulab.cli.auto;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.Kernel;
import io.gpulab.api.Task;
import io.gpulab.images.SyntheticImages;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurSpec;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.Tasks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Measures the cost model of tasks on one backend: the backend's open, then per task the first prepare, warm-up
 * runs, and the median time of a small and a larger input; the straight line through the two gives the fixed
 * seconds per run and the seconds per cost unit. Where the backend reports {@code upload} and {@code download}
 * phases and the input moves bytes, their sum gives the link's bandwidth, and the line is fitted to the time
 * without the transfers. About one to four seconds per task and backend on two cores.
 */
public final class Calibrator {

    /** The backends that run tasks as Java code in fresh JVMs, and so pay the JIT's warm-up in every command. */
    static final java.util.Set<String> JAVA_CODE = java.util.Set.of("seq", "forkjoin", "process");

    private static final int TIMED = 5;
    private static final double WARM_SECONDS = 0.25;
    private static final int WARM_MAX = 8;
    private static final double SLOW_RUN_SECONDS = 0.12;
    private static final double TARGET_RUN_SECONDS = 0.05;
    private static final double MIN_SCALE = 0.05;

    private Calibrator() {
    }

    /**
     * Measures these tasks on the provider's backend, opened with its default options.
     *
     * @throws io.gpulab.api.BackendException when the backend fails to open, prepare or run
     */
    public static List<Cost> measure(BackendProvider provider, List<String> tasks) {
        List<Cost> costs = new ArrayList<>();
        long t0 = System.nanoTime();
        try (Backend b = provider.open(BackendOptions.defaults())) {
            double open = (System.nanoTime() - t0) / 1e9;
            for (String task : tasks) {
                costs.add(measure(b, open, task));
            }
        }
        return costs;
    }

    /**
     * Returns the small calibration input of a task, and the larger one scaled by {@code scale} (at most 1): the
     * larger one shrinks on a slow backend so that calibration stays short, and stays many times the small one.
     */
    static Object[] inputs(String task, double scale) {
        double f = Math.max(MIN_SCALE, Math.min(1, scale));
        return switch (task) {
            case "sieve" -> new Object[] {SieveInput.count(0, 1_000_000), SieveInput.count(0, (long) (200e6 * f))};
            case "sha256" -> new Object[] {new Sha256Input.Synthetic(2_000, 64, 1, 1),
                new Sha256Input.Synthetic((int) (200_000 * f), 64, 1, 1)};
            case "blur" -> new Object[] {blur(96, 64), blur((int) (960 * Math.sqrt(f)), (int) (540 * Math.sqrt(f)))};
            default -> throw new IllegalArgumentException("no calibration inputs for task " + task);
        };
    }

    private static BlurInput blur(int w, int h) {
        return new BlurInput(List.of(SyntheticImages.generate(w, h, 4, 1)), BlurSpec.gaussian(3));
    }

    private static Cost measure(Backend b, double open, String taskId) {
        Task<Object, Object> task = task(taskId);
        Object[] in = inputs(taskId, 1);
        long t0 = System.nanoTime();
        double prepare;
        double first;
        try (Kernel<Object, Object> k = b.prepare(task, in[1])) {
            prepare = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            k.run(in[1]);
            first = (System.nanoTime() - t1) / 1e9;
        }
        if (first > SLOW_RUN_SECONDS) {
            in = inputs(taskId, TARGET_RUN_SECONDS / first);
        }
        Point hi;
        try (Kernel<Object, Object> k = b.prepare(task, in[1])) {
            hi = time(k, in[1]);
        }
        Point lo;
        try (Kernel<Object, Object> k = b.prepare(task, in[0])) {
            lo = time(k, in[0]);
        }
        return fit(b.id(), b.device(), taskId, open, prepare, Workload.of(taskId, in[0]), lo,
                Workload.of(taskId, in[1]), hi);
    }

    /**
     * Fits the cost model to two measured inputs: the link's bandwidth from the larger one's transfers (where it
     * moves bytes and the backend reports them), then the straight line through the two times without transfers.
     */
    static Cost fit(String backend, String device, String task, double open, double prepare, Workload lo, Point pLo,
            Workload hi, Point pHi) {
        double bandwidth = hi.bytes() > 0 && pHi.transfer() > 0 ? hi.bytes() / pHi.transfer() : 0;
        double yHi = pHi.seconds() - (bandwidth > 0 ? hi.bytes() / bandwidth : 0);
        double yLo = pLo.seconds() - (bandwidth > 0 ? lo.bytes() / bandwidth : 0);
        double slope = Math.max(0, (yHi - yLo) / (hi.units() - lo.units()));
        double run = Math.max(0, yLo - slope * lo.units());
        return new Cost(backend, device, task, open, prepare, run, slope, bandwidth, JAVA_CODE.contains(backend));
    }

    @SuppressWarnings("unchecked")
    private static Task<Object, Object> task(String id) {
        return (Task<Object, Object>) Tasks.find(id)
                .orElseThrow(() -> new IllegalArgumentException("unknown task " + id));
    }

    /**
     * Warms the kernel up, then returns the fastest of its timed runs (on a shared machine the repeatable figure;
     * medians move with the neighbours' load) and the transfer seconds of the last.
     */
    private static Point time(Kernel<Object, Object> k, Object input) {
        long start = System.nanoTime();
        for (int i = 0; i < WARM_MAX && (i < 2 || (System.nanoTime() - start) / 1e9 < WARM_SECONDS); i++) {
            k.run(input);
        }
        double[] s = new double[TIMED];
        for (int i = 0; i < TIMED; i++) {
            long t0 = System.nanoTime();
            k.run(input);
            s[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(s);
        Map<String, Double> phases = k.phases();
        double transfer = phases.getOrDefault("upload", 0.0) + phases.getOrDefault("download", 0.0);
        return new Point(s[0], transfer);
    }

    /**
     * One measured input.
     *
     * @param seconds the seconds of the fastest warm run
     * @param transfer the seconds of the upload and download phases of a run, 0 where the backend has none
     */
    record Point(double seconds, double transfer) {
    }
}
