package io.gpulab.cli;

import io.gpulab.api.Availability;
import io.gpulab.api.Backend;
import io.gpulab.api.BackendException;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.BackendUnavailableException;
import io.gpulab.api.Backends;
import io.gpulab.api.DeviceInfo;
import io.gpulab.api.Task;
import io.gpulab.cli.auto.Auto;
import io.gpulab.cli.auto.CalibrationStore;
import io.gpulab.cli.auto.Choice;
import io.gpulab.cli.auto.Plan;
import io.gpulab.cli.auto.Workload;
import io.gpulab.cpu.seq.BlurPath;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Shares the backend opening, the verification and the printing of results among the {@code run} subcommands. */
abstract class RunBase implements Callable<Integer> {

    @Mixin
    RunOptions options;

    @Spec
    CommandSpec spec;

    /** What {@code --backend auto} chose, or null when the backend was named. */
    private Choice choice;

    @Override
    public final Integer call() throws Exception {
        options.validate();
        validate();
        String id = options.backend;
        if (Auto.ID.equals(id)) {
            if (options.device != null) {
                throw CliException.usage("--device names a device of one backend: drop it with --backend auto");
            }
            choice = new Auto(CalibrationStore.user(), Backends.all(), err()::println)
                    .choose(workload(), Plan.command(options.warmup, options.repeat));
            err().println(choice.line());
            id = choice.chosen();
        }
        AbsentBackends.check(id);
        checkDevice(id, options.device);
        if (options.warmup > 0) {
            BlurPath.expectWarmedUpTiming(); // the warm-up runs absorb the Vector API path's own warm-up
        }
        // the result goes to stdout at the end, so a line redrawn on stderr meanwhile cannot garble it, unless the
        // command streams its results to stdout as it goes (sieve --list -)
        try (RunProgress progress = RunProgress.start(err(), options.json || streamsToStdout())) {
            progress.phase("opening " + id);
            try (Backend backend = Backends.open(id, options.backendOptions());
                    Verifier verifier = new Verifier(options.verify)) {
                return run(new Batches(backend, verifier, options.warmup, options.repeat, progress));
            }
        } catch (BackendException e) {
            throw choice == null ? e : AutoFailure.of(id, e);
        }
    }

    /**
     * Returns the input in the terms of the cost model, for {@code --backend auto}; called after {@link #validate},
     * before any backend opens. For files it reads sizes and image headers only.
     */
    abstract Workload workload();

    /**
     * Refuses a {@code --device} that is not one of the backend's own devices, so that a device id meant for
     * another backend ({@code --backend seq --device cuda:0}) is never silently ignored. An unknown or unavailable
     * backend is left to {@link Backends#open}, which says why.
     *
     * @throws BackendUnavailableException when the backend is available but has no such device (exit code 3)
     */
    static void checkDevice(String backendId, String device) {
        if (device == null) {
            return;
        }
        Optional<Availability> a = Backends.find(backendId).map(BackendProvider::probe);
        if (a.isEmpty() || !a.get().available()) {
            return;
        }
        List<String> ids = a.get().devices().stream().map(DeviceInfo::id).toList();
        if (!ids.contains(device)) {
            throw new BackendUnavailableException("backend " + backendId + " has no device '" + device
                    + "'; its devices: " + String.join(", ", ids));
        }
    }

    /** Returns whether the command writes results to stdout while it runs, where no progress line may go. */
    boolean streamsToStdout() {
        return false;
    }

    /** Checks the task's own options before any backend is opened; throws a usage error naming the option. */
    abstract void validate();

    /** Runs the task's batches on the opened backend, prints its results and returns the exit code. */
    abstract int run(Batches batches) throws Exception;

    /** Returns the writer for results. */
    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Returns the writer for notes, events, timings and errors. */
    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Returns the writer for per-input result lines, which give way to the one JSON object under {@code --json}. */
    final PrintWriter lines() {
        return options.json ? new PrintWriter(Writer.nullWriter()) : out();
    }

    /** Checks {@code --batch-bytes} before any backend is opened; null means the option was not given. */
    static void validateBatchBytes(Long batchBytes) {
        if (batchBytes != null && batchBytes < 1) {
            throw CliException.usage("--batch-bytes must be at least 1: " + batchBytes);
        }
    }

    /** Returns the bytes of input one batch may hold: {@code --batch-bytes}, or the default budget when not given. */
    static long budget(Long batchBytes) {
        return batchBytes != null ? batchBytes : InputFiles.defaultBudget();
    }

    /**
     * Prints the report of the batches (JSON on stdout, or the timing line on stderr), the events on stderr, and
     * returns the exit code: 4 on a verification mismatch, else 1 when some inputs failed, else 0.
     */
    final int finish(Batches batches, Task<?, ?> task, long workUnits, Map<String, Object> result,
            boolean someFailed) {
        batches.progress().close();
        Timings timings = batches.timings();
        Verifier verifier = batches.verifier();
        RunReport report = new RunReport(task, batches.backend(), timings, workUnits, result, verifier.verified());
        for (String e : timings.events()) {
            err().println("event: " + e);
        }
        if (options.json) {
            Map<String, Object> json = report.toJson();
            if (choice != null) {
                json.put("auto", choice.toJson());
            }
            out().println(Json.write(json));
        } else {
            err().println(report.humanLine());
        }
        if (Boolean.FALSE.equals(verifier.verified())) {
            err().println("gpulab: result differs from seq: " + verifier.firstMismatch());
            return ExitCode.MISMATCH;
        }
        return someFailed ? ExitCode.SOME_FAILED : ExitCode.OK;
    }
}
