package io.gpulab.bench.run;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.gpulab.api.Availability;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.Backends;
import io.gpulab.cpu.seq.BlurPath;
import io.gpulab.bench.BenchTask;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the benchmarks of a plan through JMH's Runner API, task by task, in forks that use this JVM and class path.
 *
 * <p>Backends are pre-filtered by their cached {@code probe()}: a backend that cannot run here, or does not run a
 * task, is recorded in {@code skipped.json} with its reason and never reaches JMH. A combination that fails inside
 * JMH (trial setup threw, or the output disagreed with the reference) does not stop the run either; it is recorded
 * as skipped, and JMH's log beside the results holds the stack trace.
 */
public final class BenchRunner {

    /** The file name of JMH's JSON results inside a results directory. */
    public static final String RESULTS = "jmh-result.json";
    /** The file name of the environment record inside a results directory. */
    public static final String ENVIRONMENT = "environment.json";
    /** The file name of the list of skipped combinations inside a results directory. */
    public static final String SKIPPED = "skipped.json";
    /** The file name of JMH's human-readable log inside a results directory. */
    public static final String LOG = "jmh.log";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final PrintStream console;

    /** Creates a runner that echoes JMH's progress to this stream (the command's terminal). */
    public BenchRunner(PrintStream console) {
        this.console = console;
    }

    /** Returns the default results directory, {@code results/<host>-<date>}, relative to the working directory. */
    public static Path defaultOutput() {
        String host = Environment.hostName().replaceAll("[^A-Za-z0-9._-]", "_");
        String date = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm"));
        return Path.of("results", host + "-" + date);
    }

    /**
     * Runs the plan and writes the results, the environment record, the skipped list and JMH's log.
     *
     * @throws RunnerException when JMH itself cannot run (a bad option, no benchmark list on the class path)
     * @throws IOException when the results cannot be written
     */
    public BenchSummary run(BenchPlan plan) throws RunnerException, IOException {
        Path dir = plan.output();
        Files.createDirectories(dir);
        List<BackendProvider> providers = Backends.all();
        JsonObject env = Environment.collect(providers);
        Path envFile = dir.resolve(ENVIRONMENT);
        Files.writeString(envFile, GSON.toJson(env) + "\n");
        List<Skip> skipped = new ArrayList<>();
        List<RunResult> results = new ArrayList<>();
        try (OutputStream log = Files.newOutputStream(dir.resolve(LOG));
                PrintStream tee = new PrintStream(new Tee(console, log), true, StandardCharsets.UTF_8)) {
            for (BenchTask task : plan.tasks()) {
                List<String> sizes = plan.sizesFor(task);
                List<String> backends = runnable(task, plan.backends(), providers, skipped);
                if (sizes.isEmpty() || backends.isEmpty()) {
                    continue;
                }
                List<RunResult> got = new ArrayList<>(new Runner(options(plan, task, backends, sizes).build(),
                        OutputFormatFactory.createFormatInstance(tee, VerboseMode.NORMAL)).run());
                recordFailures(task, backends, sizes, got, skipped);
                results.addAll(got);
            }
        }
        Path resultFile = dir.resolve(RESULTS);
        try (PrintStream out = new PrintStream(Files.newOutputStream(resultFile), false, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(results);
        }
        Files.writeString(dir.resolve(SKIPPED), GSON.toJson(skipped) + "\n");
        return new BenchSummary(dir, resultFile, envFile, results.size(), skipped);
    }

    /** Returns the backend parameters that can run this task here, adding the others to {@code skipped}. */
    static List<String> runnable(BenchTask task, List<String> requested, List<BackendProvider> providers,
            List<Skip> skipped) {
        List<String> ok = new ArrayList<>();
        for (String param : requested) {
            String id = param.contains(":") ? param.substring(0, param.indexOf(':')) : param;
            Optional<BackendProvider> p = providers.stream().filter(x -> x.id().equals(id)).findFirst();
            String reason = null;
            if (p.isEmpty()) {
                reason = "no backend '" + id + "' on the class path";
            } else if (!p.get().tasks().contains(task.id())) {
                reason = "backend " + id + " does not run " + task.id();
            } else {
                Availability a = p.get().probe();
                if (!a.available()) {
                    reason = "unavailable: " + a.reason();
                }
            }
            if (reason == null) {
                ok.add(param);
            } else {
                skipped.add(new Skip(task.id(), param, "*", reason));
            }
        }
        return ok;
    }

    private static ChainedOptionsBuilder options(BenchPlan plan, BenchTask task, List<String> backends,
            List<String> sizes) {
        TimeValue time = TimeValue.milliseconds(plan.effectiveIterationTime().toMillis());
        return new OptionsBuilder()
                .include("^" + Pattern.quote(task.benchClass().getName()) + "\\.")
                .param("backend", backends.toArray(String[]::new))
                .param("size", sizes.toArray(String[]::new))
                .forks(plan.effectiveForks())
                .warmupIterations(plan.warmupIterations())
                .warmupTime(time)
                .measurementIterations(plan.effectiveIterations())
                .measurementTime(time)
                .timeUnit(TimeUnit.MILLISECONDS)
                // a benchmark is the long run the Vector API blur path pays off in: take it from the first call
                // where the forks have the module, instead of BlurPath's warm-up rule, unless the host turned it off
                .jvmArgsAppend("-D" + BlurPath.PROPERTY + "=" + !"false".equalsIgnoreCase(
                        System.getProperty(BlurPath.PROPERTY)))
                .shouldFailOnError(false);
    }

    private static void recordFailures(BenchTask task, List<String> backends, List<String> sizes,
            List<RunResult> got, List<Skip> skipped) {
        Set<String> measured = new HashSet<>();
        for (RunResult r : got) {
            measured.add(r.getParams().getParam("backend") + "/" + r.getParams().getParam("size"));
        }
        for (String b : backends) {
            for (String s : sizes) {
                if (!measured.contains(b + "/" + s)) {
                    skipped.add(new Skip(task.id(), b, s, "failed during the JMH run; see " + LOG));
                }
            }
        }
    }

    /** Copies JMH's progress to the console and to the log file. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }
}
