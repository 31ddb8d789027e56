package io.gpulab.cpu.process;

import io.gpulab.api.BackendException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Removes what the process backend holds outside this JVM when the JVM ends without closing its backends: on
 * SIGTERM ({@code kill}, {@code timeout}), SIGINT (Ctrl-C), SIGHUP or {@code System.exit}, a shutdown hook kills every
 * worker JVM still running and deletes every shared-memory file still open, so that a run cut short leaves no
 * {@code /dev/shm} file and no worker behind. After the hook has started, no worker starts and no file is created.
 *
 * <p>A JVM killed with SIGKILL runs no hook: its workers then end through their watchdog ({@link Worker}), and its
 * files, whose names carry its pid, are swept by the next pool that starts ({@link SharedFile#sweepStale}).
 */
final class ProcessCleanup {

    private static final Set<SharedFile> FILES = new LinkedHashSet<>();
    private static final Set<Process> WORKERS = new LinkedHashSet<>();
    private static boolean shuttingDown;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ProcessCleanup::onShutdown, "gpulab-process-cleanup"));
    }

    private ProcessCleanup() {
    }

    /**
     * Runs {@code create} (which makes the file) and registers its result, under the lock the hook takes, so that a
     * file is either never created or deleted by the hook.
     *
     * @throws BackendException when the JVM is shutting down
     */
    static synchronized SharedFile register(Supplier<SharedFile> create) {
        refuseIfShuttingDown();
        SharedFile f = create.get();
        FILES.add(f);
        return f;
    }

    /** Forgets a file that its owner has closed. */
    static synchronized void forget(SharedFile f) {
        FILES.remove(f);
    }

    /**
     * Starts a worker process with {@code start} and registers it, under the hook's lock.
     *
     * @throws BackendException when the JVM is shutting down
     */
    static synchronized Process register(Start start) throws IOException {
        refuseIfShuttingDown();
        Process p = start.start();
        WORKERS.add(p);
        return p;
    }

    /** Forgets a worker that has ended. */
    static synchronized void forget(Process p) {
        WORKERS.remove(p);
    }

    private static void refuseIfShuttingDown() {
        if (shuttingDown) {
            throw new BackendException("the JVM is shutting down; no new worker or shared file");
        }
    }

    /** Kills the workers (SIGKILL), deletes the files, then waits briefly for the workers to be gone. */
    static void onShutdown() {
        List<Process> workers;
        List<SharedFile> files;
        synchronized (ProcessCleanup.class) {
            shuttingDown = true;
            workers = new ArrayList<>(WORKERS);
            files = new ArrayList<>(FILES);
        }
        for (Process p : workers) {
            p.destroyForcibly();
        }
        for (SharedFile f : files) {
            f.delete();
        }
        for (Process p : workers) {
            try {
                p.waitFor(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Starts one process. */
    @FunctionalInterface
    interface Start {

        /** Starts the process. */
        Process start() throws IOException;
    }
}
