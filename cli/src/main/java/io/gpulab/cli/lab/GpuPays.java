package io.gpulab.cli.lab;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendException;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.Backends;
import io.gpulab.api.Kernel;
import io.gpulab.api.Phase;
import io.gpulab.images.SyntheticImages;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurOutput;
import io.gpulab.tasks.BlurSpec;
import io.gpulab.tasks.Tasks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When does the GPU pay? The blur of a square RGBA image over growing sizes on {@code seq} and on every device
 * backend, with the device's phases (upload, kernel, download; compile once), and the crossover size from which the
 * device is faster. Without a GPU the device backend is OpenCL on this CPU (PoCL), and the sheet says so.
 */
final class GpuPays implements Experiment {

    private static final long SEED = 42;

    @Override
    public String id() {
        return "gpu-pays";
    }

    @Override
    public String title() {
        return "When does the GPU pay? One blur over growing sizes: compile, upload, kernel, download against seq";
    }

    /**
     * Holds one backend's measurements at one size.
     *
     * @param time the timed repeats of Kernel.run, transfers included
     * @param phases the device's phases of the last run (empty for seq)
     * @param ok true when the output agreed with seq
     */
    record Point(Samples time, Map<String, Double> phases, boolean ok) {
    }

    @Override
    public LabResult run(LabContext ctx) throws Exception {
        List<Integer> sizes = switch (ctx.size()) {
            case TINY -> List.of(32, 64, 128);
            case DEFAULT -> List.of(64, 128, 256, 512, 1024, 2048);
            case FULL -> List.of(64, 128, 256, 512, 1024, 2048, 4096);
        };
        BlurSpec spec = BlurSpec.gaussian(3);
        int repeat = Math.max(ctx.repeat(), 5);
        List<BlurInput> inputs = sizes.stream().map(n -> new BlurInput(List.of(SyntheticImages.generate(n, n, 4,
                SEED)), spec)).toList();
        ctx.progress("gpu-pays: seq");
        List<BlurOutput> reference = new ArrayList<>();
        List<Point> seq = new ArrayList<>();
        try (Backend b = Backends.open("seq", BackendOptions.defaults())) {
            for (BlurInput in : inputs) {
                seq.add(measure(b, in, repeat, null, reference));
            }
        }
        int last = sizes.size() - 1;
        String label = sizes.get(last) + "x" + sizes.get(last);
        List<Step> steps = new ArrayList<>();
        steps.add(Steps.baseline("seq at " + label, "one core blurs every pixel", seq.get(last).time(),
                "seq is the reference every device result is checked against", "reference", true));
        Map<String, List<Point>> devices = new LinkedHashMap<>();
        Map<String, Double> compile = new LinkedHashMap<>();
        for (LabContext.DeviceChoice d : ctx.devices()) {
            if (d.whyNot("blur") != null) {
                steps.add(Step.notRun(d.id() + " at " + label, "a device backend", d.whyNot("blur")));
                continue;
            }
            ctx.progress("gpu-pays: " + d.id());
            List<Point> points = new ArrayList<>();
            try (Backend b = Backends.open(d.id(), BackendOptions.defaults())) {
                for (int i = 0; i < inputs.size(); i++) {
                    points.add(measure(b, inputs.get(i), repeat, reference.get(i), null));
                }
                compile.put(d.id(), b.setupPhases().getOrDefault(Phase.COMPILE, Double.NaN));
            } catch (BackendException e) {
                steps.add(Step.failed(d.id() + " at " + label, "a device backend", e.getMessage()));
                continue;
            }
            devices.put(d.id(), points);
            steps.add(deviceStep(d, label, seq, points, sizes, compile.get(d.id()), ctx.cores()));
        }
        String setup = "Gaussian blur, sigma 3, of a seeded RGBA image of " + sizes.get(0) + "^2 to " + sizes.get(last)
                + "^2 pixels; " + repeat + " timed repeats of Kernel.run per size (transfers included, compiling not)";
        return new LabResult(id(), title(), "From what size on does a GPU beat one CPU core?", setup, steps,
                List.of(GpuPaysSheet.table(sizes, seq, devices)), GpuPaysSheet.charts(sizes, seq, devices),
                lesson(ctx, sizes, seq, devices, compile));
    }

    private static Point measure(Backend b, BlurInput in, int repeat, BlurOutput expected, List<BlurOutput> keep)
            throws Exception {
        try (Kernel<BlurInput, BlurOutput> k = b.prepare(Tasks.BLUR, in)) {
            k.run(in);
            Timed<BlurOutput> t = Timed.repeat(repeat, () -> k.run(in));
            if (keep != null) {
                keep.add(t.last());
            }
            boolean ok = expected == null || t.results().stream().allMatch(o -> Tasks.BLUR.compare(expected, o).ok());
            return new Point(t.samples(), Phase.byId(k.phases()), ok);
        }
    }

    private static Step deviceStep(LabContext.DeviceChoice d, String label, List<Point> seq, List<Point> points,
            List<Integer> sizes, double compile, int cores) {
        int last = sizes.size() - 1;
        Integer cross = GpuPaysSheet.crossover(seq, points);
        Expectation e = d.onCpu()
                ? Expectation.atMost("this machine", cores * 1.3, d.deviceName() + " is OpenCL on this CPU, no "
                        + "GPU: at most the " + cores + " cores' speedup")
                : Expectation.atLeast("course", 1, "a GPU beats one core once the image is large");
        long good = points.stream().filter(Point::ok).count();
        return Steps.judged(d.id() + " at " + label, seq.get(last).time(), points.get(last).time(), List.of(e),
                js -> {
                    String where = cross == null ? "it was slower than seq at every size up to " + label
                            : "it was faster than seq from " + sizes.get(cross) + "^2 pixels on";
                    String base = (d.onCpu() ? "no GPU here: " + d.deviceName() + " runs the kernels on this CPU, "
                            + "so it competes with seq for the same cores; " : "") + where + "; compiling took "
                            + Format.seconds(compile) + ", paid once";
                    return Steps.busy(js.get(0)) ? base + "; the repeats disagree too much to judge" : base;
                }, good + " of " + points.size() + " sizes agree with seq within 1 level (every repeat)",
                good == points.size());
    }

    private static String lesson(LabContext ctx, List<Integer> sizes, List<Point> seq,
            Map<String, List<Point>> devices, Map<String, Double> compile) {
        if (devices.isEmpty()) {
            return "No device backend could run here, so only seq was measured; run this on a machine with a GPU.";
        }
        List<String> parts = new ArrayList<>();
        devices.forEach((id, points) -> {
            Integer c = GpuPaysSheet.crossover(seq, points);
            parts.add(id + (c == null ? " never paid up to " + sizes.get(sizes.size() - 1) + "^2"
                    : " paid from " + sizes.get(c) + "^2") + " (compile " + Format.seconds(compile.get(id)) + " once)");
        });
        boolean anyGpu = ctx.devices().stream().anyMatch(d -> d.availability().available() && !d.onCpu());
        return String.join("; ", parts) + ". Small images cost more in launches and transfers than they save"
                + (anyGpu ? "." : "; and without a GPU here the device is this same CPU, so it can win only by "
                + "using its cores better than one seq thread.");
    }
}
