package io.gpulab.images;

import java.io.IOException;

/**
 * Says that one image file could not be read or decoded, or declares more pixels than the budget allows.
 *
 * <p>The message is one line: the file name, then the cause in words.
 */
public final class ImageDecodeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String source;

    /** Creates the exception for this source (a file name or a label) and reason. */
    public ImageDecodeException(String source, String reason) {
        super(source + ": " + oneLine(reason));
        this.source = source;
    }

    /** Creates the exception for this source and reason, keeping the underlying cause. */
    public ImageDecodeException(String source, String reason, Throwable cause) {
        super(source + ": " + oneLine(reason), cause);
        this.source = source;
    }

    /** Returns the file name or label of the input that failed. */
    public String source() {
        return source;
    }

    /** Describes a throwable in one line: its simple class name and its message, if any. */
    static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    private static String oneLine(String s) {
        return s == null ? "unknown error" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
