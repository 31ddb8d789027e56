package io.gpulab.cli;

import io.gpulab.bench.report.HtmlReport;
import io.gpulab.bench.report.MachineResults;
import io.gpulab.bench.report.MarkdownReport;
import io.gpulab.bench.report.Report;
import io.gpulab.bench.report.ReportBuilder;
import io.gpulab.bench.report.ResultsLoader;
import io.gpulab.bench.run.BenchRunner;
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

/** Compares the results of one or several machines in one self-contained HTML page: {@code gpulab report}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes one self-contained HTML page (and optionally Markdown) comparing the results "
                + "directories of one or several machines, as written by 'gpulab bench'.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.L0, "2:usage error (bad option, or a folder that holds no jmh-result.json)",
            "6:any other error (a file that cannot be read or written)"})
public final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "RESULTS",
            description = "Results directories, one per machine or run (or their jmh-result.json files).")
    private List<Path> results = new ArrayList<>();

    @Option(names = "--html", required = true, paramLabel = "FILE", description = "The HTML page to write.")
    private Path html;

    @Option(names = "--md", paramLabel = "FILE",
            description = "Also write Markdown here, with the charts as PNG files in a folder beside it named after "
                    + "it (report.md: report-charts/).")
    private Path markdown;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> dirs = new ArrayList<>();
        for (Path given : results) {
            // the results file itself stands for its folder
            Path dir = Files.isRegularFile(given) && given.getFileName().toString().equals(BenchRunner.RESULTS)
                    ? given.toAbsolutePath().getParent() : given;
            if (!Files.isRegularFile(dir.resolve(BenchRunner.RESULTS))) {
                // a wrong argument, not a failed input among good ones: a usage error, before anything is written
                err.println("gpulab report: " + given + " is not a gpulab results directory: no "
                        + BenchRunner.RESULTS);
                return ExitCode.USAGE;
            }
            dirs.add(dir);
        }
        for (Path file : markdown == null ? List.of(html) : List.of(html, markdown)) {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                // never create folders the user did not ask for: a typo in the path would leave them behind
                err.println("gpulab report: write error on " + file + ": no folder " + parent);
                return ExitCode.OTHER;
            }
        }
        List<MachineResults> machines = new ArrayList<>();
        Path current = null;
        try {
            for (Path dir : dirs) {
                current = dir;
                machines.add(ResultsLoader.load(dir));
            }
        } catch (IOException e) {
            err.println("gpulab report: " + current + ": " + InputFiles.describe(e));
            return ExitCode.OTHER;
        }
        try {
            current = html;
            Report report = ReportBuilder.build(machines);
            HtmlReport.write(report, html);
            out.println("wrote " + html);
            if (markdown != null) {
                current = markdown;
                MarkdownReport.write(report, markdown);
                out.println("wrote " + markdown);
            }
        } catch (IOException e) {
            err.println("gpulab report: write error on " + current + ": " + InputFiles.describe(e));
            return ExitCode.OTHER;
        }
        int measured = machines.stream().mapToInt(m -> m.measurements().size()).sum();
        out.println(machines.size() + " machine(s), " + measured + " measurement(s)");
        return 0;
    }
}
