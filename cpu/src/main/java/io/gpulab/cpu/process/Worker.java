package io.gpulab.cpu.process;

import io.gpulab.api.spi.SelfTest;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The main class of a worker JVM: reads {@link Frame#TASK} frames on stdin, runs each shard with the seq kernels
 * ({@link WorkerTasks}) and answers with one {@link Frame#DONE} or {@link Frame#ERROR} frame on stdout; while it
 * computes, {@link Heartbeat} sends {@link Frame#HEARTBEAT}s as long as the computation uses CPU time.
 *
 * <p>A worker never outlives its parent: it exits at end of input on stdin (the parent closed the pipe or died),
 * and a watchdog thread halts it when the parent process is gone, which also covers a worker busy in a long shard
 * when its parent is killed with {@code kill -9}. {@code System.out} is pointed at stderr, so that nothing but
 * frames ever reaches the control channel.
 *
 * <p>Test-only fault injection: the system property {@value #FAULT_PROPERTY} (set from the backend option
 * {@code process.fault}) holds {@code <action>-<once|always>:shard=<n>}, where action is {@code kill} (the worker
 * halts with exit code {@value #FAULT_EXIT_CODE}), {@code hang} (it sleeps forever, so its heartbeat falls silent)
 * or {@code garbage} (it writes bytes that are not a frame). {@code once} acts on the shard's first attempt only,
 * {@code always} on every attempt.
 */
final class Worker {

    /** The system property that carries the test-only fault specification. */
    static final String FAULT_PROPERTY = "gpulab.process.fault";
    /** The exit code of a worker that halts itself through an injected {@code kill} fault. */
    static final int FAULT_EXIT_CODE = 86;

    private static final long WATCHDOG_MILLIS = 250;

    private Worker() {
    }

    /**
     * Runs the worker until its stdin ends.
     *
     * @param args one argument: the parent's pid, watched so that the worker never becomes an orphan
     */
    public static void main(String[] args) throws IOException {
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 12);
        System.setOut(System.err);
        watchParent(Long.parseLong(args[0]));
        String faultSpec = System.getProperty(FAULT_PROPERTY, "");
        InputStream in = new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 12);
        long pid = ProcessHandle.current().pid();
        Heartbeat heartbeat = new Heartbeat(out, Long.getLong(Heartbeat.INTERVAL_PROPERTY, 1000));
        heartbeat.send(Frame.of(Frame.HELLO, o -> o.writeLong(pid)));
        heartbeat.start();
        while (true) {
            Frame f = Frame.read(in);
            if (f == null) {
                return;
            }
            if (f.type() != Frame.TASK) {
                throw new FramingException("worker expected a TASK frame, got type " + f.type());
            }
            DataInputStream task = f.reader();
            int shard = task.readInt();
            int attempt = task.readInt();
            heartbeat.begin(shard);
            injectFault(faultSpec, shard, attempt, heartbeat);
            Frame reply;
            try {
                long result = WorkerTasks.run(task);
                reply = Frame.of(Frame.DONE, o -> {
                    o.writeInt(shard);
                    o.writeLong(result);
                });
            } catch (Throwable t) { // report anything, OutOfMemoryError included, rather than die silently
                String msg = SelfTest.oneLine(t);
                reply = Frame.of(Frame.ERROR, o -> {
                    o.writeInt(shard);
                    o.writeUTF(msg.length() > 2000 ? msg.substring(0, 2000) : msg);
                });
            }
            heartbeat.finish(reply);
        }
    }

    private static void watchParent(long parentPid) {
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        if (parent.isEmpty()) {
            Runtime.getRuntime().halt(3);
        }
        ProcessHandle p = parent.get();
        Thread t = new Thread(() -> {
            while (p.isAlive()) {
                try {
                    Thread.sleep(WATCHDOG_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(3);
        }, "gpulab-worker-watchdog");
        t.setDaemon(true);
        t.start();
    }

    private static void injectFault(String spec, int shard, int attempt, Heartbeat out) throws IOException {
        if (spec.isEmpty()) {
            return;
        }
        int colon = spec.indexOf(":shard=");
        int dash = spec.indexOf('-');
        if (colon < 0 || dash < 0 || dash > colon) {
            throw new IllegalArgumentException("bad " + FAULT_PROPERTY + ": " + spec);
        }
        String action = spec.substring(0, dash);
        boolean always = spec.substring(dash + 1, colon).equals("always");
        if (Integer.parseInt(spec.substring(colon + 7)) != shard || !always && attempt != 1) {
            return;
        }
        switch (action) {
            case "kill" -> Runtime.getRuntime().halt(FAULT_EXIT_CODE);
            case "hang" -> {
                while (true) {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        // a hung worker ignores interrupts as well
                    }
                }
            }
            case "garbage" -> {
                out.sendRaw("this is not a frame\n".getBytes(StandardCharsets.US_ASCII));
            }
            default -> throw new IllegalArgumentException("unknown fault action in " + FAULT_PROPERTY + ": " + spec);
        }
    }
}
