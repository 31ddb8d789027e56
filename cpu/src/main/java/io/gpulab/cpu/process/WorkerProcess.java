package io.gpulab.cpu.process;

import io.gpulab.api.BackendUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One worker JVM seen from the parent: its process, the two ends of its control channel and the tail of its
 * stderr (kept for error messages by a daemon thread, so that a chatty worker never blocks on a full pipe).
 */
final class WorkerProcess {

    private static final int STDERR_TAIL = 2048;

    /** The incubating module of the Vector API blur path, passed on to workers when the parent has it. */
    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    private final Process process;
    private final OutputStream toWorker;
    private final InputStream fromWorker;
    private final StringBuilder stderrTail = new StringBuilder();

    private WorkerProcess(Process process) {
        this.process = process;
        this.toWorker = process.getOutputStream();
        this.fromWorker = process.getInputStream();
        Thread drain = new Thread(this::drainStderr, "gpulab-worker-stderr-" + process.pid());
        drain.setDaemon(true);
        drain.start();
    }

    /** Starts a worker JVM with this command line; {@link #awaitHello} then waits until it is ready. */
    static WorkerProcess start(List<String> command) {
        try {
            Process p = ProcessCleanup.register(() -> new ProcessBuilder(command).start());
            p.onExit().thenAccept(ProcessCleanup::forget);
            return new WorkerProcess(p);
        } catch (IOException e) {
            throw new BackendUnavailableException("cannot start a worker JVM (" + command.get(0) + "): "
                    + e.getMessage(), e);
        }
    }

    /**
     * Returns the command line of a worker JVM: the parent's {@code java}, class path, small heap settings, the
     * heartbeat interval and, if the parent has it, the Vector API module.
     */
    static List<String> command(String heap, String fault, long heartbeatMillis) {
        String java = ProcessHandle.current().info().command()
                .filter(c -> Files.isExecutable(Path.of(c)))
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap, "-Xss1m", "-XX:+UseSerialGC",
                "-XX:+DisplayVMOutputToStderr", "-XX:-UsePerfData",
                "-D" + Heartbeat.INTERVAL_PROPERTY + "=" + heartbeatMillis));
        if (fault != null && !fault.isEmpty()) {
            cmd.add("-D" + Worker.FAULT_PROPERTY + "=" + fault);
        }
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()) {
            // workers blur on the same path as the parent (BlurSeq.simd()), so that both give the same bytes
            cmd.addAll(List.of("--add-modules", VECTOR_MODULE));
            String choice = System.getProperty("gpulab.blur.vector");
            if (choice != null) {
                cmd.add("-Dgpulab.blur.vector=" + choice);
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Worker.class.getName(),
                Long.toString(ProcessHandle.current().pid())));
        return cmd;
    }

    /** Waits for the worker's HELLO frame, which says the JVM is up and the control channel works. */
    void awaitHello() throws IOException {
        Frame hello = Frame.read(fromWorker);
        if (hello == null) {
            throw new IOException("worker pid " + pid() + " ended before saying hello" + exitDescription());
        }
        if (hello.type() != Frame.HELLO || hello.reader().readLong() != pid()) {
            throw new FramingException("worker pid " + pid() + " sent frame type " + hello.type()
                    + " instead of its HELLO");
        }
    }

    /** Returns the worker's process id. */
    long pid() {
        return process.pid();
    }

    /** Returns true while the worker process runs. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** Sends one frame. */
    void send(Frame f) throws IOException {
        f.write(toWorker);
    }

    /** Reads the next frame, or null when the worker closed its stdout (it died or exited). */
    Frame receive() throws IOException {
        return Frame.read(fromWorker);
    }

    /** Kills the worker (SIGKILL) and waits briefly for it to be gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the worker's stdin, which makes an idle worker exit, and kills it if it has not exited soon. */
    void stop() {
        try {
            toWorker.close();
        } catch (IOException e) {
            // the worker is already gone
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
    }

    /** Returns the exit code once the process has ended (waiting up to 5 s), or -1 if it still runs. */
    int exitCode() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Returns ", exit code N" and the last stderr line when the process ended, for one-line messages. */
    String exitDescription() {
        int code = exitCode();
        String tail = lastStderrLine();
        return (code < 0 ? "" : ", exit code " + code) + (tail.isEmpty() ? "" : ", last stderr: " + tail);
    }

    /** Returns the worker's last stderr line, leaving out the JVM's start-up note about an incubating module. */
    private String lastStderrLine() {
        synchronized (stderrTail) {
            String[] lines = stderrTail.toString().strip().split("\n");
            for (int i = lines.length - 1; i >= 0; i--) {
                String line = lines[i].strip();
                if (!line.isEmpty() && !line.startsWith("WARNING: Using incubator modules: ")) {
                    return line;
                }
            }
            return "";
        }
    }

    private void drainStderr() {
        byte[] buf = new byte[1024];
        try (InputStream err = process.getErrorStream()) {
            int n;
            while ((n = err.read(buf)) > 0) {
                synchronized (stderrTail) {
                    stderrTail.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    if (stderrTail.length() > STDERR_TAIL) {
                        stderrTail.delete(0, stderrTail.length() - STDERR_TAIL);
                    }
                }
            }
        } catch (IOException e) {
            // the worker ended
        }
    }
}
