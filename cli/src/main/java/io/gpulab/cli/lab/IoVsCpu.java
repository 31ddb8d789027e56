package io.gpulab.cli.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The course's first experiment: threads help I/O-bound work (requests that wait on a slow server) and, in CPython,
 * not CPU-bound work (a heavy hashing loop), where only processes help. Java has no global interpreter lock, so its
 * threads run CPU work on every core, and its processes pay a JVM start each.
 */
final class IoVsCpu implements Experiment {

    static final List<String> STRINGS = List.of("alpha", "bravo", "charlie", "delta");

    @Override
    public String id() {
        return "io-vs-cpu";
    }

    @Override
    public String title() {
        return "Threads for waiting, cores for computing: requests to a slow server, then a heavy hashing loop";
    }

    @Override
    public LabResult run(LabContext ctx) throws Exception {
        int requests = ctx.size() == LabSize.TINY ? 4 : 8;
        long latency = ctx.size() == LabSize.TINY ? 40 : 300;
        int iterations = switch (ctx.size()) {
            case TINY -> 2_000;
            case DEFAULT -> 2_000_000;
            case FULL -> 5_000_000;
        };
        List<Step> steps = new ArrayList<>();
        List<LabTable> tables = new ArrayList<>();
        List<ChartSpec> charts = new ArrayList<>();
        ioPart(ctx, requests, latency, steps, tables, charts);
        new HashPart(ctx, iterations).run(steps, tables, charts);
        String setup = "A: " + requests + " GET requests to the JDK's HttpServer on 127.0.0.1, each answered after "
                + latency + " ms; B: SHA-256 of " + STRINGS + " hashed " + iterations + " times each; "
                + ctx.repeat() + " timed repeats per step";
        return new LabResult(id(), title(), "When do threads help, and when do only processes?", setup, steps,
                tables, charts, lesson(steps, ctx.cores()));
    }

    private static void ioPart(LabContext ctx, int n, long latency, List<Step> steps, List<LabTable> tables,
            List<ChartSpec> charts) throws Exception {
        try (LocalServer server = new LocalServer(latency)) {
            Requests r = new Requests(server, n);
            r.sequential(); // one untimed round opens the client and loads its classes
            Map<String, Callable<List<Requests.Request>>> ways = new LinkedHashMap<>();
            ways.put("A: sequential", r::sequential);
            ways.put("A: thread per request", r::threadPerRequest);
            ways.put("A: pool of " + Requests.POOL + " threads", r::pool);
            ways.put("A: HttpClient.sendAsync", r::async);
            Samples base = null;
            List<List<String>> rows = new ArrayList<>();
            for (Map.Entry<String, Callable<List<Requests.Request>>> w : ways.entrySet()) {
                ctx.progress("io-vs-cpu: " + w.getKey());
                Timed<List<Requests.Request>> t = Timed.repeat(ctx.repeat(), w.getValue());
                long good = t.results().stream().flatMap(List::stream).filter(q -> q.ok() && q.status() == 200)
                        .count();
                long all = (long) n * ctx.repeat();
                String verified = good + " of " + all + " responses were 200 with the right body";
                boolean ok = good == all;
                for (Requests.Request q : t.last()) {
                    rows.add(List.of(w.getKey().substring(3), Integer.toString(q.index()),
                            Integer.toString(q.status()), q.thread(), q.ok() ? "yes" : "NO"));
                }
                if (base == null) {
                    base = t.samples();
                    steps.add(Steps.baseline(w.getKey(), "course: " + n + " x " + latency + " ms = "
                            + Format.seconds(n * latency / 1000.0) + ", one wait after the other", t.samples(),
                            "one thread sends a request and waits " + latency + " ms for each answer; "
                            + Format.seconds(t.samples().median() - n * latency / 1000.0)
                            + " of the median is the client and server's own work", verified, ok));
                    continue;
                }
                steps.add(ioStep(w.getKey(), n, latency, base, t.samples(), verified, ok, ctx.contention()));
            }
            tables.add(new LabTable("A: every request of the last repeat, with the client thread that handled it",
                    List.of("way", "request", "status", "thread", "body ok"), rows));
            List<Step> part = steps.subList(0, ways.size());
            charts.add(timeChart("io-vs-cpu-a", "A: " + n + " requests of " + latency + " ms each",
                    part.stream().map(s -> s.name().substring(3)).toList(), part));
        }
    }

    private static Step ioStep(String name, int n, long latency, Samples base, Samples time, String verified,
            boolean ok, String contention) {
        boolean pool = name.contains("pool");
        double waves = pool ? Math.ceil(n / (double) Requests.POOL) : 1;
        Expectation e = pool
                ? Expectation.around("course", n / waves, 0.25, "a pool of " + Requests.POOL + " serves " + n
                        + " requests in " + (int) waves + (waves == 1 ? " wave" : " waves"))
                : Expectation.around("course", n, 0.25, "about " + n + "x: all " + n + " waits overlap");
        return Steps.judged(name, base, time, List.of(e), js -> {
            Judgment j = js.get(0);
            String waiting = "a thread waiting on a socket needs no core, so " + (pool ? Requests.POOL : n)
                    + " waits overlap even on few cores; the time is about " + (int) waves + " x " + latency + " ms";
            if (Steps.matches(j)) {
                return waiting + ", as measured";
            }
            if (Steps.busy(j)) {
                return waiting + "; other work on this machine moved the repeats too much to confirm it";
            }
            return waiting + ", but here it took " + Format.seconds(time.median()) + ": starting threads and "
                    + "connections added " + Format.seconds(time.median() - waves * latency / 1e3) + contention;
        }, verified, ok);
    }

    /** Draws the median time of each step of a part. */
    static ChartSpec timeChart(String name, String title, List<String> cats, List<Step> steps) {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        series.put("median", steps.stream().map(s -> s.time() == null ? null : s.time().median()).toList());
        series.put("fastest", steps.stream().map(s -> s.time() == null ? null : s.time().min()).toList());
        return new ChartSpec(ChartSpec.Kind.BARS, name, title + ": seconds per way (lower is faster)", "seconds",
                cats, series, false);
    }

    private static String lesson(List<Step> steps, int cores) {
        Step threadsIo = steps.get(1);
        Step threadsCpu = steps.stream().filter(s -> s.name().equals("B: 4 threads")).findFirst().orElseThrow();
        Step procs = steps.stream().filter(s -> s.name().equals("B: 4 processes")).findFirst().orElseThrow();
        return "Waiting: threads gave " + Format.speedup(threadsIo.speedup()) + " on " + cores + " cores, because "
                + "waiting needs no core. Computing: Java threads gave " + Format.speedup(threadsCpu.speedup())
                + " (CPython's GIL would give about 1x) and processes " + Format.speedup(procs.speedup())
                + " - no more than " + Math.min(4, cores) + " cores' worth, and each child JVM pays its start.";
    }
}
