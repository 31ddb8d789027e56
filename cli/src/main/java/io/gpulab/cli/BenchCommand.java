package io.gpulab.cli;

import io.gpulab.api.BackendProvider;
import io.gpulab.api.Backends;
import io.gpulab.bench.BenchTask;
import io.gpulab.bench.run.BenchPlan;
import io.gpulab.bench.run.BenchRunner;
import io.gpulab.bench.run.BenchSummary;
import io.gpulab.bench.run.Skip;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Runs the JMH benchmarks and writes JMH's JSON beside an environment record: {@code gpulab bench}. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs the JMH benchmarks (task x backend x size) in forked JVMs and writes JMH's JSON, "
                + "an environment record and the list of skipped combinations to a results directory.",
            "Backends that cannot run here are skipped with their reason; nothing falls back to another backend. "
                    + "Exit code 3 when a backend named in --backends was skipped; the results are written first."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.L0, "1:nothing could be measured", ExitCode.L2,
            "3:a backend named in --backends cannot run here", ExitCode.L6})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--quick", description = "Small sizes, 1 fork, short iterations: a few minutes on 2 cores.")
    private boolean quick;

    @Option(names = "--tasks", split = ",", paramLabel = "TASK",
            description = "Tasks to run: blur, sha256, sieve (default: all).")
    private List<String> tasks = new ArrayList<>();

    @Option(names = "--backends", split = ",", paramLabel = "BACKEND",
            description = "Backend or device ids (seq, forkjoin, process, opencl, opencl:0:1, cuda, cuda:0); "
                    + "default: every backend on the class path.")
    private List<String> backends = new ArrayList<>();

    @Option(names = "--sizes", split = ",", paramLabel = "SIZE",
            description = "Size names, each for the tasks that have it (QUICK, UHD_GAUSSIAN_3, UHD_BOX_2, "
                    + "MESSAGES_1M_64B, PI_1E9, PI_1E10, RANGE_1E12_1E9); default: the peer sizes, or QUICK.")
    private List<String> sizes = new ArrayList<>();

    @Option(names = "--output", paramLabel = "DIR", description = "Results directory (default: results/<host>-<date>).")
    private Path output;

    @Option(names = "--forks", paramLabel = "N", description = "JMH forks (default: 1 with --quick, else 2).")
    private int forks;

    @Option(names = "--iterations", paramLabel = "N",
            description = "Measurement iterations (default: 3 with --quick, else 5).")
    private int iterations;

    @Option(names = "--iteration-ms", paramLabel = "MS",
            description = "Milliseconds per warm-up and measurement iteration (default: 1000 with --quick, else 3000).")
    private long iterationMs;

    @Override
    public Integer call() throws Exception {
        BenchPlan plan = plan();
        BenchSummary s = new BenchRunner(System.out).run(plan);
        System.out.println();
        System.out.println("measured " + s.measured() + " combination(s)");
        for (Skip k : s.skipped()) {
            System.out.println("skipped " + k.task() + " on " + k.backend()
                    + ("*".equals(k.size()) ? "" : " size " + k.size()) + ": " + k.reason());
        }
        System.out.println("results:     " + s.results());
        System.out.println("environment: " + s.environment());
        if (!backends.isEmpty() && s.skipped().stream().anyMatch(k -> "*".equals(k.size()))) {
            // as in compare: a backend the user asked for by name must not pass unnoticed in a script
            System.err.println("gpulab: a backend named in --backends cannot run here (see the skipped lines)");
            return ExitCode.UNAVAILABLE;
        }
        return s.measured() > 0 ? ExitCode.OK : ExitCode.SOME_FAILED;
    }

    private BenchPlan plan() {
        List<BenchTask> chosen = new ArrayList<>();
        List<String> known = Arrays.stream(BenchTask.values()).map(BenchTask::id).toList();
        for (String t : tasks.isEmpty() ? known : tasks) {
            chosen.add(BenchTask.find(t).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "unknown task '" + t + "'; known: " + String.join(", ", known))));
        }
        for (String s : sizes) {
            if (chosen.stream().noneMatch(t -> t.size(s).isPresent())) {
                throw new ParameterException(spec.commandLine(), "no chosen task has a size '" + s + "'");
            }
        }
        List<String> ids = backends.isEmpty() ? Backends.all().stream().map(BackendProvider::id).toList() : backends;
        return new BenchPlan(chosen, ids, sizes, quick, output != null ? output : BenchRunner.defaultOutput(),
                forks, iterations, iterationMs > 0 ? Duration.ofMillis(iterationMs) : null);
    }
}
