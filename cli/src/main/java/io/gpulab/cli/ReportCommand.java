package io.gpulab.cli;

import io.gpulab.bench.report.HtmlReport;
import io.gpulab.bench.report.MachineResults;
import io.gpulab.bench.report.MarkdownReport;
import io.gpulab.bench.report.Report;
import io.gpulab.bench.report.ReportBuilder;
import io.gpulab.bench.report.ResultsLoader;
import io.gpulab.bench.run.BenchRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Compares the results of one or several machines in one self-contained HTML page: {@code gpulab report}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes one self-contained HTML page (and optionally Markdown) comparing the results "
                + "directories of one or several machines, as written by 'gpulab bench'.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.L0, "2:usage error (bad option, or a folder that holds no jmh-result.json)",
            "6:any other error (a file that cannot be read or written)"})
public final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "RESULTS", description = "Results directories, one per machine or run.")
    private List<Path> results = new ArrayList<>();

    @Option(names = "--html", required = true, paramLabel = "FILE", description = "The HTML page to write.")
    private Path html;

    @Option(names = "--md", paramLabel = "FILE",
            description = "Also write Markdown here, with the charts as PNG files in a folder beside it named after "
                    + "it (report.md: report-charts/).")
    private Path markdown;

    @Override
    public Integer call() {
        for (Path dir : results) {
            if (!Files.isRegularFile(dir.resolve(BenchRunner.RESULTS))) {
                // a wrong argument, not a failed input among good ones: a usage error, before anything is written
                System.err.println("gpulab report: " + dir + " is not a gpulab results directory: no "
                        + BenchRunner.RESULTS);
                return ExitCode.USAGE;
            }
        }
        List<MachineResults> machines = new ArrayList<>();
        Path current = null;
        try {
            for (Path dir : results) {
                current = dir;
                machines.add(ResultsLoader.load(dir));
            }
            current = html;
            Report report = ReportBuilder.build(machines);
            HtmlReport.write(report, html);
            System.out.println("wrote " + html);
            if (markdown != null) {
                current = markdown;
                MarkdownReport.write(report, markdown);
                System.out.println("wrote " + markdown);
            }
        } catch (IOException e) {
            System.err.println("gpulab report: " + current + ": " + InputFiles.describe(e));
            return ExitCode.OTHER;
        }
        int measured = machines.stream().mapToInt(m -> m.measurements().size()).sum();
        System.out.println(machines.size() + " machine(s), " + measured + " measurement(s)");
        return 0;
    }
}
