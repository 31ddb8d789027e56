package io.gpulab.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code gpulab} in-process and captures its exit code, stdout and stderr. */
final class Cli {

    /**
     * What one command produced.
     *
     * @param code the exit code
     * @param out everything written to stdout
     * @param err everything written to stderr
     */
    record Result(int code, String out, String err) {

        /** Asserts that stderr holds no Java stack trace, and returns this result. */
        Result noStackTrace() {
            assertFalse(err.contains("\tat ") || err.contains("Exception in thread"), "stack trace on stderr:\n" + err);
            return this;
        }
    }

    private Cli() {
    }

    /** Runs the command with these arguments. */
    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }
}
