package io.gpulab.cpu.process;

import java.io.IOException;

/** Signals bytes on a control channel that are not a valid {@link Frame}. */
final class FramingException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with what was wrong. */
    FramingException(String message) {
        super(message);
    }

    /** Creates the exception with what was wrong and the cause. */
    FramingException(String message, Throwable cause) {
        super(message, cause);
    }
}
