package io.gpulab.cli.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Part B of {@code io-vs-cpu}: the course's heavy SHA-256 loop over four short strings, sequentially, one thread
 * per string and one child JVM per string; every repeat's four hashes are checked against the sequential ones.
 */
final class HashPart {

    private final LabContext ctx;
    private final int iterations;
    private final int useful;

    HashPart(LabContext ctx, int iterations) {
        this.ctx = ctx;
        this.iterations = iterations;
        this.useful = Math.min(IoVsCpu.STRINGS.size(), ctx.cores());
    }

    void run(List<Step> steps, List<LabTable> tables, List<ChartSpec> charts) throws Exception {
        for (String s : IoVsCpu.STRINGS) {
            CourseCode.heavyHash(s, Math.max(1000, iterations / 10)); // untimed: lets the JIT compile the loop
        }
        ctx.progress("io-vs-cpu: B: sequential");
        Timed<List<String>> seq = Timed.repeat(ctx.repeat(), this::sequential);
        List<String> reference = seq.results().get(0);
        int first = steps.size();
        steps.add(Steps.baseline("B: sequential", "course: the sum of four hashing loops", seq.samples(),
                "one core hashes the four strings one after the other", check(seq.results(), reference),
                agree(seq.results(), reference)));
        ctx.progress("io-vs-cpu: B: 4 threads");
        Timed<List<String>> threads = Timed.repeat(ctx.repeat(), this::threads);
        steps.add(Steps.judged("B: 4 threads", seq.samples(), threads.samples(), List.of(
                Expectation.around("course", 1, 0.25, "CPython: threads = sequential, the GIL lets one run at a time"),
                Expectation.around("this machine", useful, 0.3, "Java has no GIL: " + useful + " of "
                        + IoVsCpu.STRINGS.size() + " threads run at once on " + ctx.cores() + " cores")),
                js -> threadsWhy(js, threads.samples(), seq.samples()), check(threads.results(), reference),
                agree(threads.results(), reference)));
        ctx.progress("io-vs-cpu: B: 4 processes (child JVMs)");
        List<double[]> inside = new ArrayList<>();
        Timed<List<String>> procs = Timed.repeat(ctx.repeat(), () -> processes(inside));
        double work = inside.stream().mapToDouble(a -> a[0]).average().orElse(Double.NaN);
        steps.add(Steps.judged("B: 4 processes", seq.samples(), procs.samples(), List.of(
                Expectation.around("course", useful, 0.3, "processes = sequential / cores: " + useful
                        + " at once")), js -> processWhy(js.get(0), procs.samples(), work),
                check(procs.results(), reference), agree(procs.results(), reference)));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < IoVsCpu.STRINGS.size(); i++) {
            rows.add(List.of(IoVsCpu.STRINGS.get(i), reference.get(i).substring(0, 16) + "...",
                    threads.last().get(i).equals(reference.get(i)) ? "equal" : "DIFFERENT",
                    procs.last().get(i).equals(reference.get(i)) ? "equal" : "DIFFERENT"));
        }
        tables.add(new LabTable("B: final digest per string (" + iterations + " hashes each), last repeat",
                List.of("string", "sequential", "threads", "processes"), rows));
        List<Step> part = steps.subList(first, steps.size());
        charts.add(IoVsCpu.timeChart("io-vs-cpu-b", "B: SHA-256 x " + iterations + " over 4 strings",
                part.stream().map(s -> s.name().substring(3)).toList(), part));
    }

    private List<String> sequential() {
        List<String> out = new ArrayList<>();
        for (String s : IoVsCpu.STRINGS) {
            out.add(CourseCode.heavyHash(s, iterations));
        }
        return out;
    }

    private List<String> threads() throws InterruptedException {
        String[] out = new String[IoVsCpu.STRINGS.size()];
        List<Thread> ts = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            int n = i;
            Thread t = new Thread(() -> out[n] = CourseCode.heavyHash(IoVsCpu.STRINGS.get(n), iterations), "hash-" + i);
            ts.add(t);
            t.start();
        }
        for (Thread t : ts) {
            t.join();
        }
        return List.of(out);
    }

    /** Starts one child JVM per string; records the seconds each child spent hashing, which excludes its start. */
    private List<String> processes(List<double[]> inside) throws Exception {
        List<ChildJvm> children = new ArrayList<>();
        for (String s : IoVsCpu.STRINGS) {
            children.add(ChildJvm.start(List.of("sha256", Integer.toString(iterations), s)));
        }
        List<String> out = new ArrayList<>();
        double max = 0;
        for (ChildJvm c : children) {
            String[] a = c.answer().split(" ");
            out.add(a[0]);
            max = Math.max(max, Double.parseDouble(a[1]));
        }
        inside.add(new double[] {max});
        return out;
    }

    private static String check(List<List<String>> results, List<String> reference) {
        long equal = results.stream().flatMap(r -> java.util.stream.IntStream.range(0, r.size())
                .mapToObj(i -> r.get(i).equals(reference.get(i)))).filter(b -> b).count();
        return equal + " of " + results.size() * reference.size() + " digests equal the sequential ones";
    }

    private static boolean agree(List<List<String>> results, List<String> reference) {
        return results.stream().allMatch(reference::equals);
    }

    private String threadsWhy(List<Judgment> js, Samples threads, Samples seq) {
        Judgment course = js.get(0);
        Judgment here = js.get(1);
        if (Steps.busy(here) || Steps.busy(course)) {
            return "the repeats disagree too much to say; other users' work shares these " + ctx.cores() + " cores";
        }
        if (!Steps.matches(course) && Steps.matches(here)) {
            return "Java threads hash on " + useful + " cores at once: no global interpreter lock serializes them, "
                    + "unlike CPython, where this step would take as long as the sequential one";
        }
        if (Steps.matches(course)) {
            return "as slow as sequential here, but not because of a lock: Java threads run in parallel; only "
                    + String.format(Locale.ROOT, "%.1f", seq.median() / threads.median())
                    + " cores' worth of time was free" + ctx.contention();
        }
        return "Java threads can run in parallel, but gave " + Format.speedup(here.speedup()) + " instead of about "
                + useful + "x" + ctx.contention();
    }

    private String processWhy(Judgment j, Samples procs, double work) {
        String start = Double.isNaN(work) ? "" : "; the slowest child hashed for " + Format.seconds(work)
                + ", so about " + Format.seconds(Math.max(0, procs.median() - work))
                + " went to starting JVMs and warming their JIT";
        if (Steps.matches(j)) {
            return "each child JVM hashes on its own core, as the course says" + start;
        }
        if (Steps.busy(j)) {
            return "the repeats disagree too much to say" + start;
        }
        return "processes gave " + Format.speedup(j.speedup()) + ", not " + useful + "x: each is a new JVM that "
                + "starts, loads classes and compiles the loop before it hashes" + start + ctx.contention();
    }
}
