package io.gpulab.cli.lab;

import io.gpulab.api.Backends;
import io.gpulab.cli.CliException;
import io.gpulab.cli.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs {@code gpulab lab}: alone it lists the experiments; with an id (or {@code all}) it runs them and prints, per
 * step, what the course expects, what was measured now, why, and the verdict computed from the measurements.
 */
@Command(name = "lab", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The course's experiments, run and explained on this machine: per step, expected (from the "
                + "course) / observed (measured now) / why, with a verdict computed from the measured speedups and "
                + "their spread over repeats. Every result is verified (hashes and images against the sequential "
                + "run, prime counts against 664579).",
            "Without ID: lists the experiments."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:usage error (unknown experiment, bad option)",
            "3:a backend named in --backends is unknown or unavailable here",
            "4:a result failed its verification", "5:a backend failed while preparing or running",
            "6:any other error (I/O, a child JVM failed)"},
        footer = {"", "Examples:", "  gpulab lab", "  gpulab lab io-vs-cpu", "  gpulab lab blur-photos --count 500",
            "  gpulab lab all --format html --output lab.html"})
public final class LabCommand implements Callable<Integer> {

    /** The sheet formats. */
    enum SheetFormat {
        /** Plain text for the terminal, printed as each experiment ends. */
        text,
        /** Markdown, charts as PNG files beside the output file. */
        md,
        /** One self-contained HTML page. */
        html,
        /** One JSON object. */
        json
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID",
            description = "An experiment id (see the list), or all.")
    String id;

    @Option(names = "--size", paramLabel = "SIZE", defaultValue = "default",
            description = "tiny, default or full (the course's sizes; minutes) (default: ${DEFAULT-VALUE}).")
    LabSize size;

    @Option(names = "--count", paramLabel = "N", description = "Photos in the blur-photos batch (default: 24; "
            + "500 with --size full).")
    Integer count;

    @Option(names = "--backends", paramLabel = "IDS", split = ",",
            description = "Device backends for the GPU steps (default: every one found; those that cannot run "
                    + "here are listed with the reason).")
    List<String> backends;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3",
            description = "Timed repeats per step (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, md, html or json (default: ${DEFAULT-VALUE}).")
    SheetFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the sheet to this file (md: charts go to FILE-charts/); the text still goes to "
                    + "stdout.")
    Path output;

    @Spec
    CommandSpec spec;

    /** Creates the command; picocli fills its fields. */
    public LabCommand() {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (id == null) {
            list(out);
            return ExitCode.OK;
        }
        List<Experiment> chosen = choose();
        checkOptions();
        LabMachine machine = LabMachine.here();
        LabContext ctx = new LabContext(size, repeat, count, backends, machine, spec.commandLine().getErr());
        // with --output the sheet goes to the file, so the terminal still gets the text as each experiment ends
        boolean text = format == SheetFormat.text || output != null;
        if (text) {
            TextSheet.machine(out, machine);
        }
        List<LabResult> results = new ArrayList<>();
        for (Experiment e : chosen) {
            ctx.progress("running " + e.id());
            long t0 = System.nanoTime();
            LabResult r = e.run(ctx);
            ctx.progress(e.id() + " took " + Format.seconds((System.nanoTime() - t0) / 1e9));
            ctx.record(r);
            results.add(r);
            if (text) {
                TextSheet.result(out, r);
            }
        }
        write(out, machine, results);
        return exitCode(results, ctx);
    }

    private void list(PrintWriter out) {
        out.println("Experiments (gpulab lab ID, or gpulab lab all):");
        for (Experiment e : Experiments.all()) {
            out.printf("  %-12s %s%n", e.id(), e.title());
        }
    }

    private List<Experiment> choose() {
        if (id.equals("all")) {
            return Experiments.all();
        }
        return List.of(Experiments.find(id).orElseThrow(() -> CliException.usage("unknown experiment '" + id
                + "'; known: " + String.join(", ", Experiments.all().stream().map(Experiment::id).toList())
                + ", all")));
    }

    private void checkOptions() {
        if (repeat < 1 || repeat > 50) {
            throw CliException.usage("--repeat must be between 1 and 50: " + repeat);
        }
        if (count != null && (count < 1 || count > 100_000)) {
            throw CliException.usage("--count must be between 1 and 100000: " + count);
        }
        if (backends != null) {
            for (String b : backends) {
                if (Backends.find(b).isEmpty()) {
                    throw new CliException(ExitCode.UNAVAILABLE, "unknown backend '" + b + "' in --backends; known: "
                            + String.join(", ", Backends.all().stream().map(p -> p.id()).toList()));
                }
            }
        }
        if (format == SheetFormat.md && output == null) {
            throw CliException.usage("--format md needs --output FILE.md (its charts are written beside it)");
        }
    }

    private void write(PrintWriter out, LabMachine machine, List<LabResult> results) throws IOException {
        if (format == SheetFormat.text) {
            return;
        }
        String text = switch (format) {
            case json -> JsonSheet.render(machine, results);
            case html -> HtmlSheet.render(machine, results);
            case md -> MarkdownSheet.render(machine, results, output);
            case text -> "";
        };
        if (output == null) {
            out.print(text);
            out.flush();
        } else {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(output, text);
            spec.commandLine().getErr().println("lab: wrote " + output);
        }
    }

    private int exitCode(List<LabResult> results, LabContext ctx) {
        if (results.stream().flatMap(r -> r.steps().stream()).anyMatch(Step::backendFailed)) {
            spec.commandLine().getErr().println("gpulab: a backend failed while preparing or running (see its step)");
            return ExitCode.BACKEND_FAILED;
        }
        if (results.stream().anyMatch(r -> !r.ok())) {
            spec.commandLine().getErr().println("gpulab: a result failed its verification (see 'verified')");
            return ExitCode.MISMATCH;
        }
        if (backends != null && ctx.devices().stream().anyMatch(d -> !d.availability().available())) {
            spec.commandLine().getErr().println("gpulab: a backend named in --backends is unavailable here");
            return ExitCode.UNAVAILABLE;
        }
        return ExitCode.OK;
    }
}
