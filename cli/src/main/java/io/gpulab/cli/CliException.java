package io.gpulab.cli;

/** Ends a command with a one-line message on stderr and a documented exit code. */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /** Creates the exception with the exit code and the one-line message. */
    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** Creates the exception with the exit code, the one-line message and the cause shown by {@code --debug}. */
    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Returns a usage error (exit code 2) with this message. */
    public static CliException usage(String message) {
        return new CliException(ExitCode.USAGE, message);
    }

    /** Returns the exit code the command ends with. */
    public int exitCode() {
        return exitCode;
    }
}
