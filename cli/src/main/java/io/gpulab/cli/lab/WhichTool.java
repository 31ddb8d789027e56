package io.gpulab.cli.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * The course's eight "threads, processes or neither?" situations, each with its answer, a one-line reason and the
 * experiment that demonstrates it; where that experiment ran earlier in the same session, its measured speedup is
 * quoted beside the answer.
 */
final class WhichTool implements Experiment {

    /**
     * One situation of the course.
     *
     * @param situation the job
     * @param answer the course's answer (CPython)
     * @param java what changes in Java, if anything
     * @param reason why, in one line
     * @param experiment the experiment that demonstrates it
     * @param step the step of that experiment whose speedup is the evidence
     */
    record Situation(String situation, String answer, String java, String reason, String experiment, String step) {
    }

    static final List<Situation> SITUATIONS = List.of(
            new Situation("Downloading 50 files", "threads (or async I/O)", "the same",
                    "each download mostly waits on the network; waits overlap without extra cores",
                    "io-vs-cpu", "A: thread per request"),
            new Situation("Blurring 500 images", "processes", "threads: Java has no GIL",
                    "CPU-bound on every image; only more cores help, and a GPU only speeds up the blur part",
                    "blur-photos", "4 threads"),
            new Situation("A chat server with 10 clients", "threads (or async I/O)", "the same",
                    "each connection waits for its client most of the time", "io-vs-cpu", "A: HttpClient.sendAsync"),
            new Situation("Reading a 20-line CSV", "neither", "neither",
                    "microseconds of work; starting a thread, and above all a process, costs more",
                    "io-vs-cpu", "B: 4 processes"),
            new Situation("Training 4 independent models", "processes", "threads, or processes for isolation",
                    "CPU-bound and independent: one core per model; processes also isolate crashes and memory",
                    "primes-in-4", "trial division: 4 processes"),
            new Situation("Sending an email and a chat notification on sign-up", "threads (or async I/O)",
                    "the same", "two independent network waits that should not hold up the sign-up",
                    "io-vs-cpu", "A: pool of 4 threads"),
            new Situation("Primes up to 10 million in 4 ranges", "processes", "threads: Java has no GIL",
                    "CPU-bound; equal-width ranges are unequal work, so the slowest range sets the time",
                    "primes-in-4", "trial division: 4 threads"),
            new Situation("Watching 3 folders", "threads (one per folder)", "one thread and a WatchService",
                    "the work is waiting for file events; the OS can wait on all three at once",
                    "io-vs-cpu", "A: thread per request"));

    @Override
    public String id() {
        return "which-tool";
    }

    @Override
    public String title() {
        return "Threads, processes or neither? The course's eight situations, with the evidence measured here";
    }

    @Override
    public LabResult run(LabContext ctx) {
        List<List<String>> rows = new ArrayList<>();
        int quoted = 0;
        for (Situation s : SITUATIONS) {
            String evidence = evidence(ctx, s);
            if (!evidence.startsWith("run ")) {
                quoted++;
            }
            rows.add(List.of(s.situation(), s.answer(), s.java(), s.reason(), s.experiment(), evidence));
        }
        LabTable table = new LabTable("The eight situations (course answer for CPython, and what changes in Java)",
                List.of("situation", "course answer", "in Java", "why", "see", "measured here"), rows);
        String lesson = quoted == 0 ? "Run 'gpulab lab all' to see each answer's evidence measured on this machine."
                : quoted + " of " + SITUATIONS.size() + " answers quote a speedup measured on this machine in this "
                + "session; I/O-bound jobs want threads or async I/O, CPU-bound ones want cores (threads in Java), "
                + "tiny ones want neither.";
        return new LabResult(id(), title(), "Threads, processes or neither?", "no measurement of its own: it "
                + "quotes the experiments run before it in the same session", List.of(), List.of(table), List.of(),
                lesson);
    }

    private static String evidence(LabContext ctx, Situation s) {
        LabResult r = ctx.earlier(s.experiment());
        if (r == null) {
            return "run 'gpulab lab " + s.experiment() + "'";
        }
        return r.steps().stream().filter(x -> x.name().equals(s.step()) && x.time() != null).findFirst()
                .map(x -> s.step() + ": " + Format.speedup(x.speedup()) + " over sequential")
                .orElse("run 'gpulab lab " + s.experiment() + "'");
    }
}
