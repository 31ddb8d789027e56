package io.gpulab.cli;

import io.gpulab.cli.lab.LabCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code gpulab} root command; alone, it prints its usage and ends with a usage error. */
@Command(name = "gpulab", mixinStandardHelpOptions = true, versionProvider = GpulabCommand.Version.class,
        description = "One task API, three workloads (blur, sha256, sieve), five backends (seq, forkjoin, process, "
                + "opencl, cuda): run them, compare them, benchmark them.",
        subcommands = {BackendsCommand.class, RunCommand.class, CompareCommand.class, BenchCommand.class,
            ReportCommand.class, CalibrateCommand.class, LabCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.L0, ExitCode.L1, ExitCode.L2, ExitCode.L3, ExitCode.L4, ExitCode.L5, ExitCode.L6},
        footer = {"", "Examples:",
            "  gpulab backends",
            "  gpulab run sieve --backend seq --from 0 --to 1e9",
            "  gpulab run sha256 --backend forkjoin --input docs/ --verify",
            "  gpulab run blur --backend opencl --input photos/ --output blurred/ --sigma 2",
            "  gpulab compare sieve --backends seq,forkjoin --format md",
            "  gpulab run sieve --backend auto --to 1e10",
            "  gpulab backends --explain sieve --to 1e10",
            "  gpulab lab primes-in-4"})
final class GpulabCommand implements Callable<Integer> {

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "On an error, also print the Java stack trace.")
    boolean debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr()
                .println("gpulab: name a command: backends, run, compare, bench, report, calibrate or lab");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    /** Reads the version from the jar manifest, written by the build. */
    static final class Version implements IVersionProvider {

        @Override
        public String[] getVersion() {
            String v = GpulabCommand.class.getPackage().getImplementationVersion();
            return new String[] {"gpulab " + (v == null ? "(development build)" : v),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
