package io.gpulab.cli;

import io.gpulab.api.BackendException;
import io.gpulab.api.BackendUnavailableException;
import io.gpulab.api.InvalidOptionException;
import io.gpulab.api.spi.SelfTest;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** Starts the {@code gpulab} command and turns every failure into one line on stderr and a documented exit code. */
public final class Main {

    private Main() {
    }

    /** Runs the command with the process's arguments and exits with its exit code. */
    public static void main(String[] args) {
        Charset cs = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, cs), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, cs), true);
        System.exit(execute(args, out, err));
    }

    /** Runs the command with these arguments and writers, and returns the exit code; never throws. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        boolean debug = List.of(args).contains("--debug");
        try {
            return commandLine(out, err).execute(args);
        } catch (OutOfMemoryError e) {
            return fail(err, debug, e, "out of memory (" + e.getMessage() + "); raise -Xmx through JAVA_OPTS, "
                    + "or lower --batch-bytes", ExitCode.OTHER);
        } catch (Throwable e) {
            // errors escape picocli's handler, which only sees exceptions; still one line, never a stack trace
            return fail(err, debug, e, "internal error: " + SelfTest.oneLine(e), ExitCode.OTHER);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Returns the configured command line, writing to these writers. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new GpulabCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(Main::onParameterError);
        cl.setExecutionExceptionHandler(Main::onExecutionError);
        return cl;
    }

    private static int onParameterError(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("gpulab: " + ex.getMessage());
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        return ExitCode.USAGE;
    }

    private static int onExecutionError(Exception ex, CommandLine cl, ParseResult parsed) {
        boolean debug = parsed != null && parsed.expandedArgs().contains("--debug");
        PrintWriter err = cl.getErr();
        if (ex instanceof CliException c) {
            return fail(err, debug, ex, c.getMessage(), c.exitCode());
        }
        if (ex instanceof InvalidOptionException) {
            return fail(err, debug, ex, ex.getMessage(), ExitCode.USAGE);
        }
        if (ex instanceof BackendUnavailableException) {
            return fail(err, debug, ex, ex.getMessage(), ExitCode.UNAVAILABLE);
        }
        if (ex instanceof BackendException) {
            return fail(err, debug, ex, ex.getMessage(), ExitCode.BACKEND_FAILED);
        }
        if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            Throwable io = ex instanceof UncheckedIOException u ? u.getCause() : ex;
            return fail(err, debug, ex, "I/O error: " + SelfTest.oneLine(io), ExitCode.OTHER);
        }
        return fail(err, debug, ex, "internal error: " + SelfTest.oneLine(ex), ExitCode.OTHER);
    }

    private static int fail(PrintWriter err, boolean debug, Throwable ex, String message, int code) {
        err.println("gpulab: " + String.valueOf(message).replace('\n', ' ')
                + (debug || code < ExitCode.BACKEND_FAILED ? "" : " (--debug shows the stack trace)"));
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
