package io.gpulab.cli.auto;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.Backends;
import io.gpulab.api.Kernel;
import io.gpulab.api.Task;
import io.gpulab.tasks.Tasks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Measures a task's {@link Warmup} in fresh JVMs, as every {@code gpulab} command starts one: a child JVM probes
 * {@code seq} (as commands do) and runs its kernel on the small calibration input again and again, printing each
 * run's seconds; a second child runs the larger input three times. The {@code seq} code is the Java code that
 * {@code forkjoin} and {@code process} run too (their workers are fresh JVMs in every command). The blur's Vector API
 * path makes the warm-up large: until C2 compiles it, a 1920x1080 frame takes seconds instead of tens of ms.
 */
public final class ColdStart {

    private static final double BUDGET_SECONDS = 1.0;
    private static final double MAX_SECONDS = 3.0;
    private static final int MIN_RUNS = 8;
    private static final int MAX_RUNS = 400;
    private static final int KEPT_RUNS = 16;
    private static final int LARGE_RUNS = 3;
    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    private ColdStart() {
    }

    /**
     * Runs the two child JVMs for a task and returns its warm-up against the warm time of {@code seq} measured in
     * this JVM ({@code seqWarm}, null when not measured: each series' fastest run after its first then stands in).
     *
     * @throws IllegalStateException when a child cannot start, fails or says nothing usable
     */
    static Warmup measure(String task, Cost seqWarm) {
        Object[] in = Calibrator.inputs(task, 1);
        Workload small = Workload.of(task, in[0]);
        Workload large = Workload.of(task, in[1]);
        double[] s = child(task, "small");
        double[] l = child(task, "large");
        return fromRuns(task, s, small.units(), seqWarm == null ? Double.NaN : seqWarm.runTime(small), l,
                large.units(), seqWarm == null ? Double.NaN : seqWarm.runTime(large));
    }

    /**
     * Returns the warm-up of the two series of run seconds against their warm times; a NaN warm time is replaced
     * by the series' fastest run after its first (too high where the series never warms up, as the blur's does
     * within its budget, which is why the in-process measurement is preferred).
     */
    static Warmup fromRuns(String task, double[] small, double smallUnits, double smallWarm, double[] large,
            double largeUnits, double largeWarm) {
        if (small.length < 2 || large.length < 2) {
            throw new IllegalStateException("a warm-up JVM for " + task + " ran fewer than two runs");
        }
        double warm = Double.isNaN(smallWarm) ? Arrays.stream(small, 1, small.length).min().orElseThrow()
                : smallWarm;
        double[] excess = new double[Math.min(KEPT_RUNS, small.length)];
        for (int i = 0; i < excess.length; i++) {
            excess[i] = Math.max(0, small[i] - warm);
        }
        double warmLarge = Double.isNaN(largeWarm) ? Arrays.stream(large, 1, large.length).min().orElseThrow()
                : largeWarm;
        return new Warmup(task, smallUnits, excess, largeUnits, Math.max(0, large[0] - warmLarge));
    }

    private static double[] child(String task, String which) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().filter(c -> Files.isExecutable(Path.of(c)))
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.add("-XX:+DisplayVMOutputToStderr");
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()) {
            // the same blur path as the parent's, so the same warm-up
            cmd.addAll(List.of("--add-modules", VECTOR_MODULE));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ColdStart.class.getName(), task, which));
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("the warm-up JVM for " + task + " failed");
            }
            String text = new String(out, StandardCharsets.US_ASCII).strip();
            return text.isEmpty() ? new double[0]
                    : Arrays.stream(text.split("\\s+")).mapToDouble(Double::parseDouble).toArray();
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("the warm-up JVM for " + task + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the warm-up of " + task, e);
        }
    }

    /** Runs in the child JVM: probes seq, then times runs of the task's small or larger input, one line each. */
    public static void main(String[] args) {
        @SuppressWarnings("unchecked")
        Task<Object, Object> task = (Task<Object, Object>) Tasks.find(args[0]).orElseThrow();
        boolean large = args[1].equals("large");
        Object input = Calibrator.inputs(args[0], 1)[large ? 1 : 0];
        StringBuilder sb = new StringBuilder();
        BackendProvider seq = Backends.find("seq").orElseThrow();
        seq.probe();
        try (Backend b = seq.open(BackendOptions.defaults()); Kernel<Object, Object> k = b.prepare(task, input)) {
            long start = System.nanoTime();
            int max = large ? LARGE_RUNS : MAX_RUNS;
            for (int i = 0; i < max && (large || more(i, (System.nanoTime() - start) / 1e9)); i++) {
                long t0 = System.nanoTime();
                k.run(input);
                sb.append(String.format(Locale.ROOT, "%.9f%n", (System.nanoTime() - t0) / 1e9));
            }
        }
        System.out.print(sb);
        System.out.flush();
    }

    /** Returns whether the small series goes on: at least 8 runs or 1 s, whichever is later, at most 3 s. */
    private static boolean more(int runs, double elapsed) {
        return elapsed < MAX_SECONDS && (runs < MIN_RUNS || elapsed < BUDGET_SECONDS);
    }
}
