package io.gpulab.api;

/** Signals a backend option with a wrong name or value, a usage error (CLI exit code 2) rather than a failure. */
public class InvalidOptionException extends BackendException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a one-line message naming the option and what it accepts. */
    public InvalidOptionException(String message) {
        super(message);
    }
}
