package io.gpulab.cli.auto;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.Kernel;
import io.gpulab.api.Phase;
import io.gpulab.api.Task;
import io.gpulab.images.SyntheticImages;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurSpec;
import io.gpulab.api.spi.SelfTest;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.Tasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Measures the cost model of tasks on backends: each backend's open, then per task the first prepare, warm-up runs,
 * and the fastest time of a small and a larger input; the straight line through the two gives the fixed seconds
 * per run and the seconds per cost unit. Where the backend reports {@code upload} and {@code download} phases and
 * the input moves bytes, their sum gives the link's bandwidth, and the line is fitted to the time without the
 * transfers. The backends' timed runs take turns, round after round, so that a burst of load from other processes
 * on a shared machine slows them alike instead of one backend's whole block. About one to four seconds per task
 * and backend on two cores.
 */
public final class Calibrator {

    /** The backends that run tasks as Java code in fresh JVMs, and so pay the JIT's warm-up in every command. */
    static final Set<String> JAVA_CODE = Set.of("seq", "forkjoin", "process");

    private static final int TIMED = 5;
    private static final double WARM_SECONDS = 0.25;
    private static final int WARM_MAX = 8;
    private static final double SLOW_RUN_SECONDS = 0.12;
    private static final double TARGET_RUN_SECONDS = 0.05;
    private static final double MIN_SCALE = 0.05;

    private Calibrator() {
    }

    /**
     * Measures these tasks on the providers' backends, opened with their default options; a backend that fails is
     * left out with a note naming it.
     */
    public static List<Cost> measure(List<BackendProvider> providers, List<String> tasks, Consumer<String> notes) {
        List<Opened> opened = new ArrayList<>();
        List<Cost> costs = new ArrayList<>();
        try {
            for (BackendProvider p : providers) {
                long t0 = System.nanoTime();
                try {
                    Backend b = p.open(BackendOptions.defaults());
                    opened.add(new Opened(p, b, (System.nanoTime() - t0) / 1e9));
                } catch (RuntimeException | LinkageError e) {
                    notes.accept(failed(p.id(), e));
                }
            }
            for (String task : tasks) {
                List<Slot> slots = new ArrayList<>();
                for (Opened o : opened) {
                    if (o.provider.tasks().contains(task)) {
                        slots.add(new Slot(o, task));
                    }
                }
                costs.addAll(measure(task, slots, notes));
            }
        } finally {
            for (Opened o : opened) {
                o.backend.close();
            }
        }
        return costs;
    }

    /** Measures one task on the slots' backends, their timed runs taking turns. */
    private static List<Cost> measure(String task, List<Slot> slots, Consumer<String> notes) {
        Task<Object, Object> t = task(task);
        for (boolean large : new boolean[] {true, false}) {
            for (Slot s : slots) {
                s.step(notes, () -> s.prepare(t, large));
            }
            for (Slot s : slots) {
                s.step(notes, s::warm);
            }
            for (int round = 0; round < TIMED; round++) {
                for (Slot s : slots) {
                    s.step(notes, s::timeOne);
                }
            }
            for (Slot s : slots) {
                s.step(notes, () -> s.finish(large));
            }
        }
        List<Cost> costs = new ArrayList<>();
        for (Slot s : slots) {
            if (!s.failed) {
                Opened o = s.opened;
                Cost c = fit(o.backend.id(), o.backend.device(), task, o.open, s.prepare, Workload.of(task,
                        s.input[0]), s.lo, Workload.of(task, s.input[1]), s.hi);
                // how the backend runs one item is its own constant, not measured: kept for the files batches
                costs.add(new Cost(c.backend(), c.device(), task, c.openSeconds(), c.prepareSeconds(), c.runSeconds(),
                        c.secondsPerUnit(), c.bytesPerSecond(), c.javaCode(), o.backend.serialItems(t).orElse(null)));
            }
        }
        return costs;
    }

    private static String failed(String backend, Throwable e) {
        return "auto: measuring " + backend + " failed, so auto leaves it out: " + SelfTest.oneLine(e);
    }

    /** An opened backend and the seconds its open took. */
    private record Opened(BackendProvider provider, Backend backend, double open) {
    }

    /** One backend's measurement of one task: its inputs, kernel and times so far. */
    private static final class Slot {
        private final Opened opened;
        private final String task;
        private Object[] input;
        private Kernel<Object, Object> kernel;
        private Object current;
        private double prepare = -1;
        private double best = Double.POSITIVE_INFINITY;
        private Point hi;
        private Point lo;
        private boolean failed;

        Slot(Opened opened, String task) {
            this.opened = opened;
            this.task = task;
            this.input = inputs(task, 1);
        }

        /** Runs one step unless an earlier one failed; a failure closes the kernel and leaves a note. */
        void step(Consumer<String> notes, Runnable r) {
            if (failed) {
                return;
            }
            try {
                r.run();
            } catch (RuntimeException | LinkageError e) {
                failed = true;
                close();
                notes.accept(failed(opened.backend.id() + " on " + task, e));
            }
        }

        /** Prepares the kernel of the larger input (shrunk when a first run is slow) or of the small one. */
        void prepare(Task<Object, Object> t, boolean large) {
            if (!large) {
                current = input[0];
                kernel = opened.backend.prepare(t, current);
                return;
            }
            long t0 = System.nanoTime();
            kernel = opened.backend.prepare(t, input[1]);
            prepare = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            kernel.run(input[1]);
            double first = (System.nanoTime() - t1) / 1e9;
            if (first > SLOW_RUN_SECONDS) {
                close();
                input = inputs(task, TARGET_RUN_SECONDS / first);
                kernel = opened.backend.prepare(t, input[1]);
            }
            current = input[1];
        }

        void warm() {
            long start = System.nanoTime();
            for (int i = 0; i < WARM_MAX && (i < 2 || (System.nanoTime() - start) / 1e9 < WARM_SECONDS); i++) {
                kernel.run(current);
            }
            best = Double.POSITIVE_INFINITY;
        }

        void timeOne() {
            long t0 = System.nanoTime();
            kernel.run(current);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }

        /** Keeps the fastest run and the transfer seconds of the last, and closes the kernel. */
        void finish(boolean large) {
            Map<Phase, Double> phases = kernel.phases();
            double transfer = phases.getOrDefault(Phase.UPLOAD, 0.0) + phases.getOrDefault(Phase.DOWNLOAD, 0.0);
            Point p = new Point(best, transfer);
            if (large) {
                hi = p;
            } else {
                lo = p;
            }
            close();
        }

        private void close() {
            if (kernel != null) {
                kernel.close();
                kernel = null;
            }
        }
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
     * One measured input.
     *
     * @param seconds the seconds of the fastest warm run
     * @param transfer the seconds of the upload and download phases of a run, 0 where the backend has none
     */
    record Point(double seconds, double transfer) {
    }
}
