package io.gpulab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER for {@code gpulab bench}, replaced before anything lands. */
@Command(name = "bench", description = "not written yet")
public final class BenchCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("gpulab bench: not written yet");
        return 2;
    }
}
