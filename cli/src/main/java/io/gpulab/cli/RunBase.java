package io.gpulab.cli;

import io.gpulab.api.Backend;
import io.gpulab.api.Backends;
import java.io.PrintWriter;
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

    @Override
    public final Integer call() throws Exception {
        options.validate();
        validate();
        try (Backend backend = Backends.open(options.backend, options.backendOptions());
                Verifier verifier = new Verifier(options.verify)) {
            return run(backend, verifier);
        }
    }

    /** Checks the task's own options before any backend is opened; throws a usage error naming the option. */
    abstract void validate();

    /** Runs the task on the opened backend, prints its results and returns the exit code. */
    abstract int run(Backend backend, Verifier verifier) throws Exception;

    /** Returns the writer for results. */
    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Returns the writer for notes, events, timings and errors. */
    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * Prints the report (JSON on stdout, or the timing line on stderr), the events on stderr, and returns the exit
     * code: 4 on a verification mismatch, else 1 when some inputs failed, else 0.
     */
    final int finish(RunReport report, Timings timings, Verifier verifier, boolean someFailed) {
        for (String e : timings.events()) {
            err().println("event: " + e);
        }
        if (options.json) {
            out().println(Json.write(report.toJson()));
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
