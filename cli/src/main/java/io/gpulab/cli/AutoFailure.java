package io.gpulab.cli;

import io.gpulab.api.BackendException;
import io.gpulab.api.BackendUnavailableException;

/** Names the backend {@code --backend auto} chose in the error of that backend, keeping the error's exit code. */
final class AutoFailure {

    private AutoFailure() {
    }

    /** Returns an exception of the same kind whose message starts with {@code auto chose ID, which failed}. */
    static BackendException of(String chosen, BackendException e) {
        String m = "auto chose " + chosen + ", which failed: " + e.getMessage();
        if (e instanceof BackendUnavailableException) {
            return new BackendUnavailableException(m, e);
        }
        return new BackendException(m, e);
    }
}
