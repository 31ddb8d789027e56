package io.gpulab.cli;

import io.gpulab.api.Availability;
import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.Backends;
import io.gpulab.api.Size;
import io.gpulab.api.Task;
import io.gpulab.api.Verdict;
import io.gpulab.api.spi.SelfTest;
import io.gpulab.cli.auto.Auto;
import io.gpulab.cli.auto.CalibrationStore;
import io.gpulab.cli.auto.Choice;
import io.gpulab.cli.auto.Plan;
import io.gpulab.cli.auto.Workload;
import io.gpulab.cpu.seq.BlurPath;
import io.gpulab.tasks.Tasks;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs {@code gpulab compare}: every task on every backend with warm-up and repeats, every result verified against
 * {@code seq}, one row per task and backend; backends that cannot run are listed with their reason.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs each task on each backend (warm-up, then timed repeats of Kernel.run), verifies every "
                + "result against seq, and prints one row per task x backend: device, median and min time, "
                + "throughput, speedup against seq, verified. Backends that cannot run are listed with the reason.",
            "Exit code 3 when a backend named in --backends is unavailable; the table is printed first."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.L0, "1:a backend failed on a task; the other rows were done", ExitCode.L2,
            ExitCode.L3, "4:a result differs from seq", ExitCode.L6})
final class CompareCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format {
        /** Aligned columns for a terminal. */
        table,
        /** One JSON object with every row. */
        json,
        /** CSV with a header row, every row. */
        csv,
        /** A GitHub Markdown table. */
        md
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "TASK", defaultValue = "all",
            description = "blur, sha256, sieve or all (default: ${DEFAULT-VALUE}).")
    String taskId;

    @Option(names = "--backends", paramLabel = "IDS", split = ",", defaultValue = "all",
            description = "Comma-separated backend ids, or all; auto adds a row run on the backend auto chooses, "
                    + "such as all,auto (default: ${DEFAULT-VALUE}).")
    List<String> backendIds;

    @Option(names = "--size", paramLabel = "SIZE", defaultValue = "small",
            description = "tiny, small, medium or large (default: ${DEFAULT-VALUE}: a 1920x1080 RGBA image, 10^6 "
                    + "messages of 64 bytes, the primes up to 10^9).")
    Size size;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json, csv or md (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3", converter = Numbers.IntConverter.class,
            description = "Timed runs per row (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1", converter = Numbers.IntConverter.class,
            description = "Untimed runs per row (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", converter = Numbers.LongConverter.class,
            description = "Seed of the synthetic inputs (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    private List<Choice> autoChoices = List.of();

    @Override
    public Integer call() {
        if (repeat < 1 || warmup < 0) {
            throw CliException.usage("--repeat must be at least 1 and --warmup 0 or more");
        }
        List<Task<?, ?>> tasks = selectTasks();
        if (warmup > 0) {
            BlurPath.expectWarmedUpTiming(); // the warm-up runs absorb the Vector API path's own warm-up
        }
        boolean withAuto = backendIds.stream().anyMatch(id -> id.strip().equals(Auto.ID));
        List<String> named = backendIds.stream().filter(id -> !id.strip().equals(Auto.ID)).toList();
        boolean explicit = !(named.size() == 1 && named.get(0).equals("all"));
        List<BackendProvider> providers = selectProviders(explicit, named);
        List<Object> inputs = new ArrayList<>();
        for (Task<?, ?> task : tasks) {
            inputs.add(task.input(size, seed));
        }
        // every choice (and any calibration it needs) before the first row, so no row is timed beside a calibration
        List<Choice> choices = new ArrayList<>();
        if (withAuto) {
            PrintWriter err = spec.commandLine().getErr();
            Auto auto = new Auto(CalibrationStore.user(), Backends.all(), err::println);
            for (int i = 0; i < tasks.size(); i++) {
                Workload w = Workload.of(tasks.get(i).id(), inputs.get(i));
                Choice c = auto.choose(w, Plan.compareRow(warmup, repeat));
                err.println(c.line());
                choices.add(c);
            }
            err.flush();
        }
        Progress progress = new Progress(spec.commandLine().getErr(),
                tasks.size() * (providers.size() + (withAuto ? 1 : 0)));
        List<CompareRow> rows = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            Task<?, ?> task = tasks.get(i);
            CompareTask<?, ?> ct = new CompareTask<>(task, inputs.get(i), warmup, repeat, progress);
            rows.addAll(ct.run(providers));
            if (withAuto) {
                String chosen = choices.get(i).chosen();
                rows.add(ct.autoRow(Backends.find(chosen).orElseThrow()));
            }
        }
        autoChoices = choices;
        progress.done();
        new CompareOutput(this).print(spec.commandLine().getOut(), rows);
        if (rows.stream().anyMatch(r -> r.status().equals("mismatch"))) {
            spec.commandLine().getErr().println("gpulab: a result differs from seq (see the verified column)");
            return ExitCode.MISMATCH;
        }
        if (rows.stream().anyMatch(r -> r.status().equals("failed"))) {
            return ExitCode.SOME_FAILED;
        }
        if (explicit && rows.stream().anyMatch(r -> r.status().equals("unavailable"))) {
            spec.commandLine().getErr().println("gpulab: a backend named in --backends is unavailable here");
            return ExitCode.UNAVAILABLE;
        }
        return ExitCode.OK;
    }

    private List<Task<?, ?>> selectTasks() {
        if (taskId.equals("all")) {
            return Tasks.all();
        }
        return List.of(Tasks.find(taskId).orElseThrow(() -> CliException.usage("unknown task '" + taskId
                + "'; known: " + String.join(", ", Tasks.all().stream().map(Task::id).toList()) + ", all")));
    }

    private List<BackendProvider> selectProviders(boolean explicit, List<String> ids) {
        // the optional backends whose module is not built (spark) are listed under "Not run" with how to get them
        List<BackendProvider> known = AbsentBackends.withAbsent();
        if (!explicit) {
            return known;
        }
        List<BackendProvider> chosen = new ArrayList<>();
        for (String id : ids) {
            BackendProvider p = known.stream().filter(x -> x.id().equals(id.strip())).findFirst()
                    // exit 3, as 'run' and 'bench' answer a backend they do not know
                    .orElseThrow(() -> new CliException(ExitCode.UNAVAILABLE, "unknown backend '" + id
                            + "' in --backends; known: " + String.join(", ", known.stream().map(BackendProvider::id)
                            .toList())));
            if (!chosen.contains(p)) {
                chosen.add(p);
            }
        }
        return chosen;
    }

    /** Returns a one-line description of the run settings for the output's header. */
    String settings() {
        return "size " + size.name().toLowerCase(java.util.Locale.ROOT) + ", " + warmup + " warm-up + " + repeat
                + " timed run(s) per row, seed " + seed;
    }

    /** Returns what auto chose for each task, in task order; empty without auto in --backends. */
    List<Choice> autoChoices() {
        return autoChoices;
    }

    /** Returns the size, for the JSON output. */
    Size size() {
        return size;
    }

    /** Returns the format chosen. */
    Format format() {
        return format;
    }

    /** Returns the timed repeats per row. */
    int repeat() {
        return repeat;
    }

    /** Returns the warm-up runs per row. */
    int warmup() {
        return warmup;
    }

    /** Returns the seed of the inputs. */
    long seed() {
        return seed;
    }

    /** Shows which row runs, on stderr, only on an interactive terminal so that logs and pipes stay clean. */
    static final class Progress {
        private final PrintWriter err;
        private final int total;
        private final boolean shown = System.console() != null;
        private int index;

        Progress(PrintWriter err, int total) {
            this.err = err;
            this.total = total;
        }

        void next(String task, String backend) {
            index++;
            if (shown) {
                err.print("\r\033[K[" + index + "/" + total + "] " + task + " on " + backend + " ...");
                err.flush();
            }
        }

        void done() {
            if (shown) {
                err.print("\r\033[K");
                err.flush();
            }
        }
    }

    /** Measures one task on each provider, the seq reference first. */
    static final class CompareTask<I, O> {
        private final Task<I, O> task;
        private final I input;
        private final int warmup;
        private final int repeat;
        private final Progress progress;
        private O reference;
        private double seqMedian = Double.NaN;

        @SuppressWarnings("unchecked")
        CompareTask(Task<?, ?> task, Object input, int warmup, int repeat, Progress progress) {
            this.task = (Task<I, O>) task;
            this.input = (I) input;
            this.warmup = warmup;
            this.repeat = repeat;
            this.progress = progress;
        }

        List<CompareRow> run(List<BackendProvider> providers) {
            List<CompareRow> rows = new ArrayList<>();
            BackendProvider seq = providers.stream().filter(p -> p.id().equals("seq")).findFirst().orElse(null);
            if (seq != null) {
                rows.add(row(seq, true));
            }
            for (BackendProvider p : providers) {
                if (p != seq) {
                    rows.add(row(p, false));
                }
            }
            return rows;
        }

        /** Measures the backend auto chose as one more row, named auto, its device saying which backend ran. */
        CompareRow autoRow(BackendProvider chosen) {
            CompareRow r = row(chosen, false);
            String device = r.device() == null ? chosen.id() : chosen.id() + ": " + r.device();
            return new CompareRow(r.task(), Auto.ID, r.status(), device, r.medianSeconds(), r.minSeconds(),
                    r.workUnits(), r.unit(), r.speedup(), r.verified(), r.reason() == null ? null
                    : "auto chose " + chosen.id() + ": " + r.reason());
        }

        private CompareRow row(BackendProvider p, boolean isReference) {
            progress.next(task.id(), p.id());
            if (!p.tasks().contains(task.id())) {
                return CompareRow.notRun(task.id(), p.id(), "unsupported", task.unit(), "does not run " + task.id());
            }
            Availability a;
            try {
                a = p.probe();
            } catch (RuntimeException | LinkageError e) {
                a = Availability.unavailable("probe failed: " + SelfTest.oneLine(e));
            }
            if (!a.available()) {
                return CompareRow.notRun(task.id(), p.id(), "unavailable", task.unit(), a.reason());
            }
            String device = null;
            try (Backend b = p.open(BackendOptions.defaults())) {
                device = b.device();
                Measured<O> m = Measured.run(b, task, input, warmup, repeat);
                double median = Timings.median(m.seconds());
                Boolean verified = null;
                String reason = null;
                if (isReference) {
                    reference = m.output();
                    seqMedian = median;
                } else {
                    Verdict v = task.compare(reference(), m.output());
                    verified = v.ok();
                    reason = v.ok() ? null : v.toString();
                }
                return new CompareRow(task.id(), p.id(), Boolean.FALSE.equals(verified) ? "mismatch" : "ok", device,
                        median, Timings.min(m.seconds()), task.workUnits(input), task.unit(), seqMedian / median,
                        verified, reason);
            } catch (RuntimeException | LinkageError e) {
                return new CompareRow(task.id(), p.id(), "failed", device, Double.NaN, Double.NaN, 0, task.unit(),
                        Double.NaN, null, SelfTest.oneLine(e));
            }
        }

        /** Returns the seq output, computing it (untimed) when seq is not among the compared backends. */
        private O reference() {
            if (reference == null) {
                try (Backend seq = Backends.open("seq", BackendOptions.defaults())) {
                    reference = Measured.run(seq, task, input, 0, 1).output();
                }
            }
            return reference;
        }
    }
}
