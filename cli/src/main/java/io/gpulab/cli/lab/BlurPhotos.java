package io.gpulab.cli.lab;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendException;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.Backends;
import io.gpulab.api.Kernel;
import io.gpulab.images.ImageCodec;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurOutput;
import io.gpulab.tasks.BlurSpec;
import io.gpulab.tasks.Tasks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The course's batch of photos: read, blur and save each one, sequentially, on threads, in processes and with the
 * blur on each device backend; the time split into decode, blur and encode shows where Amdahl's law bites, since a
 * GPU speeds up the blur alone.
 */
final class BlurPhotos implements Experiment {

    private static final double SIGMA = 3;
    /** The side of the central square a tiny run cuts each photo to, so that tests take seconds. */
    private static final int TINY_CROP = 192;

    @Override
    public String id() {
        return "blur-photos";
    }

    @Override
    public String title() {
        return "Blur a batch of photos: threads, processes, GPU, and Amdahl's law (decode / blur / encode)";
    }

    @Override
    public LabResult run(LabContext ctx) throws Exception {
        int count = ctx.count(switch (ctx.size()) {
            case TINY -> 4;
            case DEFAULT -> 24;
            case FULL -> 500;
        });
        BlurSpec spec = BlurSpec.gaussian(SIGMA);
        List<Step> steps = new ArrayList<>();
        Map<String, PhotoWays.Run> runs = new LinkedHashMap<>();
        ctx.progress("blur-photos: building a batch of " + count + " photos");
        try (PhotoBatch batch = new PhotoBatch(count, spec, ctx.size() == LabSize.TINY ? TINY_CROP : 0);
                Backend seq = Backends.open("seq", BackendOptions.defaults())) {
            BlurInput sample = new BlurInput(List.of(new ImageCodec().read(batch.files().get(0))), spec);
            List<Kernel<BlurInput, BlurOutput>> kernels = new ArrayList<>();
            for (int i = 0; i < PhotoWays.WORKERS; i++) {
                kernels.add(seq.prepare(Tasks.BLUR, sample));
            }
            for (int i = 0; i < 3; i++) { // untimed: lets the JIT compile decoder, blur and encoder
                ImageCodec.encodePng(kernels.get(0).run(sample).images().get(0));
            }
            PhotoWays ways = new PhotoWays(batch);
            ctx.progress("blur-photos: sequential");
            Timed<PhotoWays.Run> s = Timed.repeat(ctx.repeat(), () -> ways.onOneThread("seq", kernels.get(0)));
            runs.put("sequential", s.last());
            PhotoWays.Run r = s.last();
            double work = r.decode() + r.blur() + r.encode();
            double amdahl = work / (r.decode() + r.encode());
            int good = batch.agreeingFiles(r.out());
            steps.add(Steps.baseline("sequential", "course: decode, blur and encode one photo after the other",
                    s.samples(), "one core; of its work " + Format.percent(r.decode() / work) + " was decoding, "
                    + Format.percent(r.blur() / work) + " blurring and " + Format.percent(r.encode() / work)
                    + " encoding", verified(good, count), good == count));
            int useful = Math.min(PhotoWays.WORKERS, ctx.cores());
            ctx.progress("blur-photos: " + PhotoWays.WORKERS + " threads");
            Timed<PhotoWays.Run> t = Timed.repeat(ctx.repeat(), () -> ways.threads(kernels));
            runs.put(PhotoWays.WORKERS + " threads", t.last());
            good = batch.agreeingFiles(t.last().out());
            steps.add(Steps.judged(PhotoWays.WORKERS + " threads", s.samples(), t.samples(), List.of(
                    Expectation.around("course", 1, 0.25, "CPython: CPU-bound work, threads = sequential (the GIL)"),
                    Expectation.around("this machine", useful, 0.3, "Java: every phase runs on " + useful
                            + " cores at once")), js -> parallelWhy(js.get(1), "threads", useful, ctx.contention()),
                    verified(good, count), good == count));
            ctx.progress("blur-photos: " + PhotoWays.WORKERS + " processes (child JVMs)");
            Timed<PhotoWays.Run> p = Timed.repeat(ctx.repeat(), ways::processes);
            runs.put(PhotoWays.WORKERS + " processes", p.last());
            good = batch.agreeingFiles(p.last().out());
            steps.add(Steps.judged(PhotoWays.WORKERS + " processes", s.samples(), p.samples(), List.of(
                    Expectation.around("course", useful, 0.3, "processes = sequential / cores")),
                    js -> parallelWhy(js.get(0), "processes", useful, ctx.contention()) + "; each child JVM also "
                            + "starts, loads the codec and compiles it cold", verified(good, count), good == count));
            for (LabContext.DeviceChoice d : ctx.devices()) {
                try {
                    steps.add(device(ctx, d, batch, ways, sample, s.samples(), amdahl, runs));
                } catch (BackendException e) {
                    steps.add(Step.failed("blur on " + d.id(), "a device backend", e.getMessage()));
                }
            }
            String setup = count + " photos (the 4 Kodak photos of the resources, in turn; " + (ctx.size()
                    == LabSize.TINY ? "their central " + TINY_CROP + "x" + TINY_CROP + " pixels" : "768x512 and "
                    + "512x768") + " RGB PNG), Gaussian sigma " + SIGMA + ", each written as PNG; " + ctx.repeat()
                    + " timed repeats per step; the files of each way's last repeat are decoded and checked";
            String lesson = "Blurring was " + Format.percent(r.blur() / work) + " of the sequential work, so a "
                    + "device that blurs in no time at all still leaves decoding and encoding: at most "
                    + Format.speedup(amdahl) + " (Amdahl). Spreading all three phases over cores (threads here; "
                    + "processes in CPython) is what pays.";
            return new LabResult(id(), title(), "Threads, processes or a GPU for blurring a batch of photos?",
                    setup, steps, List.of(phaseTable(runs)), charts(steps, runs), lesson);
        }
    }

    private Step device(LabContext ctx, LabContext.DeviceChoice d, PhotoBatch batch, PhotoWays ways,
            BlurInput sample, Samples base, double amdahl, Map<String, PhotoWays.Run> runs) throws Exception {
        String name = "blur on " + d.id();
        if (d.whyNot("blur") != null) {
            return Step.notRun(name, "decode and encode on one core, blur on the device", d.whyNot("blur"));
        }
        ctx.progress("blur-photos: blur on " + d.id());
        try (Backend b = Backends.open(d.id(), BackendOptions.defaults());
                Kernel<BlurInput, BlurOutput> k = b.prepare(Tasks.BLUR, sample)) {
            k.run(sample);
            Timed<PhotoWays.Run> t = Timed.repeat(ctx.repeat(), () -> ways.onOneThread(d.id(), k));
            runs.put("blur on " + d.id(), t.last());
            int good = batch.agreeingFiles(t.last().out());
            Expectation e = Expectation.atMost("course (Amdahl)", amdahl * 1.1, "only the blur moves to the "
                    + "device; decoding and encoding stay on one core");
            return Steps.judged(name, base, t.samples(), List.of(e), js -> {
                String dev = d.onCpu() ? d.deviceName() + " is OpenCL on this CPU (no GPU here)" : d.deviceName();
                return dev + ": the blur took " + Format.seconds(t.last().blur()) + " in all, but decoding and "
                        + "encoding took " + Format.seconds(t.last().decode() + t.last().encode()) + ", so Amdahl "
                        + "caps this way at " + Format.speedup(amdahl) + (Steps.matches(js.get(0)) ? ""
                        : Steps.busy(js.get(0)) ? "; the repeats disagree too much to judge"
                        : "; it beat the cap only because the blur-free phases ran faster than in the baseline");
            }, verified(good, batch.files().size()), good == batch.files().size());
        }
    }

    private static String parallelWhy(Judgment j, String way, int useful, String contention) {
        if (Steps.matches(j)) {
            return "decoding, blurring and encoding are all CPU work, and Java " + way + " ran them on " + useful
                    + " cores at once";
        }
        if (Steps.busy(j)) {
            return "the repeats disagree too much to judge: other users' work shares the cores";
        }
        return "Java " + way + " can run in parallel, but gave " + Format.speedup(j.speedup()) + " instead of about "
                + useful + "x" + (contention.isEmpty() ? ": file I/O and memory bandwidth held it back" : contention);
    }

    private static String verified(int good, int count) {
        return good + " of " + count + " written files decode to images within 1 level of the seq blur";
    }

    private static LabTable phaseTable(Map<String, PhotoWays.Run> runs) {
        List<List<String>> rows = new ArrayList<>();
        runs.forEach((k, r) -> {
            double w = r.decode() + r.blur() + r.encode();
            rows.add(List.of(k, Format.seconds(r.decode()), Format.seconds(r.blur()), Format.seconds(r.encode()),
                    Format.percent(r.blur() / w)));
        });
        return new LabTable("Where the work goes (last repeat; seconds summed over threads or processes)",
                List.of("way", "decode", "blur", "encode", "blur share"), rows);
    }

    private static List<ChartSpec> charts(List<Step> steps, Map<String, PhotoWays.Run> runs) {
        List<Step> run = steps.stream().filter(s -> s.time() != null).toList();
        Map<String, List<Double>> phases = new LinkedHashMap<>();
        phases.put("decode", runs.values().stream().map(PhotoWays.Run::decode).toList());
        phases.put("blur", runs.values().stream().map(PhotoWays.Run::blur).toList());
        phases.put("encode", runs.values().stream().map(PhotoWays.Run::encode).toList());
        return List.of(IoVsCpu.timeChart("blur-photos-time", "Blur a batch of photos",
                run.stream().map(Step::name).toList(), run),
                new ChartSpec(ChartSpec.Kind.STACKED, "blur-photos-phases", "Where the work goes: seconds per "
                        + "phase, summed over workers", "seconds", List.copyOf(runs.keySet()), phases, false));
    }
}
