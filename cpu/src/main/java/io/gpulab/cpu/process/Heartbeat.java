package io.gpulab.cpu.process;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The worker side of hang detection: while a shard runs, a daemon thread sends a {@link Frame#HEARTBEAT} every
 * interval in which the thread computing the shard has used CPU time. A worker that computes, however long its shard,
 * keeps talking; a worker whose computation is stuck (sleeping, blocked, deadlocked, stopped, or a JVM that no longer
 * runs its threads) falls silent, and the parent kills it once it has been silent for the worker timeout.
 *
 * <p>Every frame the worker writes goes through {@link #send}, under one lock, so that a heartbeat never interleaves
 * with an answer and never follows the answer of its shard.
 */
final class Heartbeat {

    /** The system property that carries the heartbeat interval in milliseconds, set by the parent. */
    static final String INTERVAL_PROPERTY = "gpulab.process.heartbeatMillis";

    private final OutputStream out;
    private final long intervalMillis;
    private final long computeThread;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private int shard = -1;
    private long lastCpu = -1;

    /** Creates the heartbeat of the calling (computing) thread, writing frames to {@code out}. */
    Heartbeat(OutputStream out, long intervalMillis) {
        this.out = out;
        this.intervalMillis = intervalMillis;
        this.computeThread = Thread.currentThread().getId();
    }

    /** Starts the daemon thread that beats while a shard runs. */
    void start() {
        Thread t = new Thread(this::beat, "gpulab-worker-heartbeat");
        t.setDaemon(true);
        t.start();
    }

    /** Marks {@code id} as the shard in flight, so that heartbeats name it. */
    synchronized void begin(int id) {
        shard = id;
        lastCpu = cpuTime();
    }

    /** Ends the shard in flight and writes its answer, so that no heartbeat of it can follow. */
    synchronized void finish(Frame answer) throws IOException {
        shard = -1;
        answer.write(out);
    }

    /** Writes a frame under the heartbeat's lock. */
    synchronized void send(Frame f) throws IOException {
        f.write(out);
    }

    /** Writes bytes that are not a frame, for the test-only {@code garbage} fault. */
    synchronized void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    private void beat() {
        while (true) {
            try {
                Thread.sleep(intervalMillis);
                beatOnce();
            } catch (InterruptedException | IOException e) {
                return; // the parent closed the channel; the main loop ends the worker
            }
        }
    }

    private synchronized void beatOnce() throws IOException {
        if (shard < 0) {
            return;
        }
        long cpu = cpuTime();
        // without per-thread CPU time (-1) the beat only says that the JVM still runs its threads
        if (cpu < 0 || cpu > lastCpu) {
            lastCpu = cpu;
            int id = shard;
            Frame.of(Frame.HEARTBEAT, o -> {
                o.writeInt(id);
                o.writeLong(cpu);
            }).write(out);
        }
    }

    private long cpuTime() {
        boolean measured = threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        return measured ? threads.getThreadCpuTime(computeThread) : -1;
    }
}
