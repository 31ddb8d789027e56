package io.gpulab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER for {@code gpulab report}, replaced before anything lands. */
@Command(name = "report", description = "not written yet")
public final class ReportCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("gpulab report: not written yet");
        return 2;
    }
}
