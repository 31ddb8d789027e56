package io.gpulab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Groups {@code gpulab run sieve|sha256|blur}; alone, it prints its usage and ends with a usage error. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs one task on one backend and prints its result and timing (Kernel.run only: no JVM "
                + "start, no file reading or decoding).",
        subcommands = {RunSieveCommand.class, RunSha256Command.class, RunBlurCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.L0, ExitCode.L1, ExitCode.L2, ExitCode.L3, ExitCode.L4, ExitCode.L5, ExitCode.L6})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("gpulab run: name a task: sieve, sha256 or blur");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}
