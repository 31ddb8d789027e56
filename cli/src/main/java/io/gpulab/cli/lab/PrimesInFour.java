package io.gpulab.cli.lab;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendException;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.Backends;
import io.gpulab.api.Kernel;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveOutput;
import io.gpulab.tasks.Tasks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The course's primes in four ranges: the course's trial division over four equal-width sub-ranges sequentially, in
 * four threads and in four child JVMs, then gpulab's sieve on {@code seq} and on every device backend. Equal widths
 * are not equal work: testing n costs up to sqrt(n) divisions, so the last range is the slowest.
 */
final class PrimesInFour implements Experiment {

    static final int PARTS = 4;
    private static final Map<Long, Long> KNOWN = Map.of(100_000L, 9_592L, 1_000_000L, 78_498L,
            10_000_000L, 664_579L);

    @Override
    public String id() {
        return "primes-in-4";
    }

    @Override
    public String title() {
        return "Primes up to 10^7 in 4 sub-ranges: threads, processes, GPU, and the load imbalance of equal ranges";
    }

    /**
     * Holds one run over the four sub-ranges.
     *
     * @param counts primes per sub-range
     * @param seconds seconds per sub-range, as measured where it ran
     */
    record Run(long[] counts, double[] seconds) {

        long total() {
            return Arrays.stream(counts).sum();
        }
    }

    @Override
    public LabResult run(LabContext ctx) throws Exception {
        long n = ctx.size() == LabSize.TINY ? 100_000L : 10_000_000L;
        long known = KNOWN.get(n);
        long[] bounds = new long[PARTS + 1];
        for (int i = 0; i <= PARTS; i++) {
            bounds[i] = n * i / PARTS;
        }
        CourseCode.countPrimes(0, Math.min(n, 200_000)); // untimed: lets the JIT compile the loop
        Map<String, Run> runs = new LinkedHashMap<>();
        List<Step> steps = new ArrayList<>();
        PrimeWays ways = new PrimeWays(bounds);
        ctx.progress("primes-in-4: sequential");
        Timed<Run> seq = Timed.repeat(ctx.repeat(), ways::sequential);
        runs.put("sequential", seq.last());
        steps.add(Steps.baseline("trial division: sequential", "course: the four ranges one after the other",
                seq.samples(), "one core tests every number; the ranges took " + times(seq.last())
                + ", the last the longest: testing n costs up to sqrt(n) divisions", verify(seq, known, null),
                ok(seq, known, null)));
        double[] t = seq.last().seconds();
        double total = Arrays.stream(t).sum();
        double slowest = Arrays.stream(t).max().orElseThrow();
        int useful = Math.min(PARTS, ctx.cores());
        double model = total / Math.max(slowest, total / ctx.cores());
        ctx.progress("primes-in-4: 4 threads");
        Timed<Run> threads = Timed.repeat(ctx.repeat(), ways::threads);
        runs.put("4 threads", threads.last());
        steps.add(Steps.judged("trial division: 4 threads", seq.samples(), threads.samples(), List.of(
                Expectation.around("course", 1, 0.25, "CPython: threads = sequential (the GIL)"),
                Expectation.around("this machine", model, 0.3, "Java: " + useful + " ranges at once, "
                        + "waiting for the slowest range (total / max(slowest, total / cores))")),
                js -> PrimeWays.why(js, "threads", ctx.cores(), slowest / (total / PARTS), ctx.contention()),
                verify(threads, known, seq.last()), ok(threads, known, seq.last())));
        ctx.progress("primes-in-4: 4 processes (child JVMs)");
        Timed<Run> procs = Timed.repeat(ctx.repeat(), ways::processes);
        runs.put("4 processes", procs.last());
        steps.add(Steps.judged("trial division: 4 processes", seq.samples(), procs.samples(), List.of(
                Expectation.around("course", useful, 0.3, "processes = sequential / cores"),
                Expectation.around("this machine", model, 0.3, "the threads' model, plus a JVM start per process")),
                js -> PrimeWays.why(js, "processes", ctx.cores(), slowest / (total / PARTS), ctx.contention()),
                verify(procs, known, seq.last()), ok(procs, known, seq.last())));
        sieveSteps(ctx, bounds, known, seq.last(), runs, steps);
        List<LabTable> tables = List.of(table(bounds, runs));
        List<ChartSpec> charts = List.of(rangeChart("primes-ranges", "Trial division: seconds per sub-range "
                + "(equal widths, unequal work)", bounds, runs, false), rangeChart("primes-sieve-ranges",
                "Sieve: seconds per sub-range", bounds, runs, true), IoVsCpu.timeChart("primes-total",
                "Primes up to " + n, steps.stream().map(Step::name).toList(), steps));
        String setup = "pi(" + n + ") = " + known + " over [0, " + n + ") cut into " + PARTS + " equal ranges; "
                + ctx.repeat() + " timed repeats per step";
        String lesson = "The slowest range took " + Format.num(slowest / (total / PARTS)) + "x the average, so "
                + "equal widths cap a " + PARTS + "-way split at " + Format.speedup(total / slowest) + " even on "
                + PARTS + " cores; Java threads used " + useful + " cores (CPython's would not), and the sieve shows"
                + " that a better algorithm beats more cores.";
        return new LabResult(id(), title(), "Threads, processes or a GPU for primes up to 10 million in 4 ranges?",
                setup, steps, tables, charts, lesson);
    }

    private void sieveSteps(LabContext ctx, long[] bounds, long known, Run reference, Map<String, Run> runs,
            List<Step> steps) throws Exception {
        ctx.progress("primes-in-4: sieve on seq");
        Timed<Run> seqSieve = sieve("seq", bounds, ctx.repeat());
        runs.put("sieve seq", seqSieve.last());
        steps.add(Steps.baseline("sieve: seq backend", "a segmented sieve crosses out multiples instead of "
                + "testing each number: far less work than trial division", seqSieve.samples(),
                "one core; the ranges took " + times(seqSieve.last()), verify(seqSieve, known, reference),
                ok(seqSieve, known, reference)));
        for (LabContext.DeviceChoice d : ctx.devices()) {
            String name = "sieve: " + d.id();
            if (d.whyNot("sieve") != null) {
                steps.add(Step.notRun(name, "a device backend", d.whyNot("sieve")));
                continue;
            }
            ctx.progress("primes-in-4: sieve on " + d.id());
            Timed<Run> dev;
            try {
                dev = sieve(d.id(), bounds, ctx.repeat());
            } catch (BackendException e) {
                steps.add(Step.failed(name, "a device backend", e.getMessage()));
                continue;
            }
            runs.put("sieve " + d.id(), dev.last());
            Expectation e = d.onCpu()
                    ? Expectation.atMost("this machine", ctx.cores() * 1.3, d.deviceName() + " is OpenCL on "
                            + "this CPU, no GPU: at most the " + ctx.cores() + " cores' speedup over seq")
                    : Expectation.atLeast("course", 1, "a GPU sieves faster than one core");
            steps.add(Steps.judged(name, seqSieve.samples(), dev.samples(), List.of(e),
                    js -> PrimeWays.deviceWhy(js.get(0), d, dev.last()), verify(dev, known, reference),
                    ok(dev, known, reference)));
        }
    }

    /** Runs the sieve task on a backend over each sub-range in turn; compiling and the first run are untimed. */
    private static Timed<Run> sieve(String backend, long[] bounds, int repeat) throws Exception {
        try (Backend b = Backends.open(backend, BackendOptions.defaults());
                Kernel<SieveInput, SieveOutput> k = b.prepare(Tasks.SIEVE, SieveInput.count(0, bounds[PARTS] - 1))) {
            k.run(SieveInput.count(0, bounds[PARTS] - 1));
            return Timed.repeat(repeat, () -> {
                long[] c = new long[PARTS];
                double[] s = new double[PARTS];
                for (int i = 0; i < PARTS; i++) {
                    long t0 = System.nanoTime();
                    c[i] = k.run(SieveInput.count(bounds[i], bounds[i + 1] - 1)).count();
                    s[i] = (System.nanoTime() - t0) / 1e9;
                }
                return new Run(c, s);
            });
        }
    }

    private static String times(Run r) {
        return String.join(", ", Arrays.stream(r.seconds()).mapToObj(Format::seconds).toList());
    }

    private static boolean ok(Timed<Run> t, long known, Run reference) {
        return t.results().stream().allMatch(r -> r.total() == known
                && (reference == null || Arrays.equals(r.counts(), reference.counts())));
    }

    private static String verify(Timed<Run> t, long known, Run reference) {
        long good = t.results().stream().filter(r -> r.total() == known).count();
        return "total " + t.last().total() + " vs the known " + known + " on " + good + " of " + t.results().size()
                + " repeats" + (reference == null ? "" : Arrays.equals(t.last().counts(), reference.counts())
                ? "; per-range counts equal the sequential ones" : "; per-range counts DIFFER from the sequential");
    }

    private static LabTable table(long[] bounds, Map<String, Run> runs) {
        List<String> header = new ArrayList<>(List.of("range", "primes"));
        runs.keySet().forEach(k -> header.add(k + " time"));
        List<List<String>> rows = new ArrayList<>();
        Run first = runs.values().iterator().next();
        for (int i = 0; i < PARTS; i++) {
            List<String> row = new ArrayList<>(List.of("[" + bounds[i] + ", " + bounds[i + 1] + ")",
                    Long.toString(first.counts()[i])));
            for (Run r : runs.values()) {
                row.add(Format.seconds(r.seconds()[i]));
            }
            rows.add(row);
        }
        return new LabTable("Per sub-range: primes and the time each range took where it ran (last repeat)", header,
                rows);
    }

    /** Draws the seconds of each sub-range of the sieve runs, or of the trial-division runs. */
    private static ChartSpec rangeChart(String name, String title, long[] bounds, Map<String, Run> runs,
            boolean sieve) {
        List<String> cats = new ArrayList<>();
        for (int i = 0; i < PARTS; i++) {
            cats.add("[" + bounds[i] + ", " + bounds[i + 1] + ")");
        }
        Map<String, List<Double>> series = new LinkedHashMap<>();
        runs.forEach((k, r) -> {
            if (k.startsWith("sieve") == sieve) {
                series.put(k, Arrays.stream(r.seconds()).boxed().toList());
            }
        });
        return new ChartSpec(ChartSpec.Kind.BARS, name, title, "seconds", cats, series, false);
    }
}
