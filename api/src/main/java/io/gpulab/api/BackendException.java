package io.gpulab.api;

/** Signals a backend failure with a message fit for one line on a terminal. */
public class BackendException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a one-line message. */
    public BackendException(String message) {
        super(message);
    }

    /** Creates the exception with a one-line message and the underlying cause. */
    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
