package io.gpulab.cli;

/** Names the exit codes of {@code gpulab}, as documented in {@code --help} and the README. */
public final class ExitCode {

    /** Everything asked for was done. */
    public static final int OK = 0;
    /** Some inputs failed (each named on stderr) and the others were done. */
    public static final int SOME_FAILED = 1;
    /** Usage error: a bad option, number, range or task. */
    public static final int USAGE = 2;
    /** The requested backend or device is unavailable here. */
    public static final int UNAVAILABLE = 3;
    /** {@code --verify} found a result that differs from the {@code seq} reference. */
    public static final int MISMATCH = 4;
    /** The backend failed while preparing or running (device out of memory included). */
    public static final int BACKEND_FAILED = 5;
    /** Any other error: I/O (a failed write of a result included), JVM out of memory, or a bug ({@code --debug}). */
    public static final int OTHER = 6;

    /** The help lines of the exit-code list, as picocli's {@code exitCodeList} takes them. */
    static final String L0 = "0:done";
    static final String L1 = "1:some inputs failed (each named on stderr), the others were done";
    static final String L2 = "2:usage error (bad option, number, range or task)";
    static final String L3 = "3:the requested backend or device is unavailable here";
    static final String L4 = "4:--verify: the result differs from seq";
    static final String L5 = "5:the backend failed while preparing or running";
    static final String L6 = "6:any other error (I/O, failed write, out of memory, bug; --debug shows the stack trace)";

    private ExitCode() {
    }
}
