package io.gpulab.api;

/** Signals that a requested backend or device cannot run here; the CLI maps it to exit code 3. */
public class BackendUnavailableException extends BackendException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with the one-line reason. */
    public BackendUnavailableException(String reason) {
        super(reason);
    }

    /** Creates the exception with the one-line reason and the underlying cause. */
    public BackendUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
