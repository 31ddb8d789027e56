package io.gpulab.cli;

import io.gpulab.api.BackendException;
import io.gpulab.api.BackendUnavailableException;
import io.gpulab.api.InvalidOptionException;
import io.gpulab.api.spi.SelfTest;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.MaxValuesExceededException;
import picocli.CommandLine.MutuallyExclusiveArgsException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** Starts the {@code gpulab} command and turns every failure into one line on stderr and a documented exit code. */
public final class Main {

    private Main() {
    }

    /** Runs the command with the process's arguments and exits with its exit code. */
    public static void main(String[] args) {
        // file names are bytes: print them as the file system holds them, whatever the locale (see FileNames)
        Charset cs = RawUtf8.INSTANCE;
        PrintWriter out = CheckedWriter.of(new FileOutputStream(FileDescriptor.out), cs);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, cs), true);
        int code = execute(RawArgs.recover(args), out, err);
        if (code != ExitCode.OTHER && System.out.checkError()) {
            // bench echoes JMH through System.out, which keeps only a flag
            err.println("gpulab: write error on stdout");
            code = ExitCode.OTHER;
        }
        err.flush();
        System.exit(code);
    }

    /**
     * Runs the command with these arguments and writers, and returns the exit code; never throws. A write to
     * {@code out} that failed (a full disk, a closed pipe) ends with one "write error" line and exit code 6, whatever
     * the command returned, because its results are lost.
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        int code = executeCommand(args, out, err);
        if (out.checkError()) {
            IOException cause = out instanceof CheckedWriter c ? c.failure() : null;
            err.println("gpulab: write error on stdout" + (cause == null ? "" : ": " + InputFiles.describe(cause)));
            err.flush();
            return ExitCode.OTHER;
        }
        return code;
    }

    private static int executeCommand(String[] args, PrintWriter out, PrintWriter err) {
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
        // picocli words a clash within an exclusive group as its group expression; name the options instead
        String clash = ex instanceof MaxValuesExceededException || ex instanceof MutuallyExclusiveArgsException
                ? ExclusiveOptions.clash(cl.getCommandSpec(), List.of(args)) : null;
        err.println("gpulab: " + (clash != null ? clash : ex.getMessage()));
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        return ExitCode.USAGE;
    }

    private static int onExecutionError(Exception ex, CommandLine cl, ParseResult parsed) {
        boolean debug = parsed != null && parsed.expandedArgs().contains("--debug");
        PrintWriter err = cl.getErr();
        if (ex instanceof CliException c) {
            // a deliberate one-line message says all there is; no hint at a stack trace
            err.println("gpulab: " + c.getMessage());
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return c.exitCode();
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
