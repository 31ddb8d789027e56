package io.gpulab.cpu.process;

import io.gpulab.api.BackendException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of warm worker JVMs that run jobs, one shard per worker at a time, and survive worker failures.
 *
 * <p>Each worker slot is driven by one parent thread that takes the next shard of the job, sends it, and blocks
 * until the answer frame. While the worker computes it sends heartbeats ({@link Heartbeat}: only while its computing
 * thread uses CPU time); a timer kills the worker once it has been silent for longer than the worker timeout, so a
 * long shard that makes progress is never killed, however long it takes, and a stuck one is. A worker that dies or
 * hangs is replaced by a fresh one in its slot and the shard is re-run there, up to
 * {@link #MAX_ATTEMPTS} attempts; each replacement is recorded as one event line. An ERROR frame (the task itself
 * failed) or a framing error (garbage on the control channel) fails the job at once: neither is cured by retrying,
 * and no result from such a worker is accepted.
 */
final class WorkerPool implements AutoCloseable {

    /** Attempts per shard before the job fails: the first run and two re-runs on fresh workers. */
    static final int MAX_ATTEMPTS = 3;

    /**
     * The least time a worker JVM gets to start and say hello, whatever the worker timeout: the timeout bounds silence
     * during a shard, and a JVM start on a loaded machine can take seconds.
     */
    static final Duration HELLO_MIN = Duration.ofSeconds(60);

    private final List<String> command;
    private final Duration timeout;
    private final WorkerProcess[] workers;
    private final ExecutorService drivers;
    private final ScheduledExecutorService timer;
    private final Set<Long> busy = ConcurrentHashMap.newKeySet();
    /** Serializes jobs: one job owns every slot while it runs. */
    private final Object jobLock = new Object();
    private final double startSeconds;

    /** Starts {@code count} workers in parallel and waits until each has said hello. */
    WorkerPool(int count, List<String> command, Duration timeout) {
        this.command = List.copyOf(command);
        this.timeout = timeout;
        this.workers = new WorkerProcess[count];
        this.drivers = Executors.newFixedThreadPool(count, daemon("gpulab-process-driver"));
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, daemon("gpulab-process-timer"));
        t.setRemoveOnCancelPolicy(true); // every heartbeat cancels a guard: keep the queue to the live ones
        this.timer = t;
        long t0 = System.nanoTime();
        SharedFile.sweepStale();
        try {
            for (int i = 0; i < count; i++) {
                workers[i] = WorkerProcess.start(command);
            }
            for (WorkerProcess w : workers) {
                hello(w);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        startSeconds = (System.nanoTime() - t0) / 1e9;
    }

    /** Returns the seconds it took to start every worker JVM and hear its hello. */
    double startSeconds() {
        return startSeconds;
    }

    /** Returns the number of worker slots. */
    int size() {
        return workers.length;
    }

    /** Returns the pids of the current workers, in slot order. */
    List<Long> pids() {
        synchronized (workers) {
            List<Long> pids = new ArrayList<>();
            for (WorkerProcess w : workers) {
                pids.add(w.pid());
            }
            return pids;
        }
    }

    /** Returns the pids of the workers that have a shard in flight right now. */
    Set<Long> busyPids() {
        return Set.copyOf(busy);
    }

    /**
     * Runs every shard of a job and returns the long each worker answered, in shard order; events go to
     * {@code events}.
     *
     * @throws BackendException when a shard failed {@link #MAX_ATTEMPTS} times, a task failed or a worker broke the
     *     protocol
     */
    long[] run(String task, List<Shard> shards, List<String> events) {
        synchronized (jobLock) {
            return runJob(new Job(task, shards, events));
        }
    }

    private long[] runJob(Job job) {
        String task = job.task;
        List<Shard> shards = job.shards;
        List<Future<?>> running = new ArrayList<>();
        for (int slot = 0; slot < Math.min(workers.length, shards.size()); slot++) {
            int s = slot;
            running.add(drivers.submit(() -> drive(s, job)));
        }
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            job.fail(new BackendException(task + " job interrupted"));
            // the drivers stop after their current shard now that the job has failed; wait for them, so that the
            // next job never shares a worker with a shard of this one
            awaitDrivers(running);
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            job.fail(new BackendException(task + " job failed in the parent: " + e.getCause(), e.getCause()));
        }
        if (job.failure != null) {
            throw job.failure;
        }
        return job.results;
    }

    private static void awaitDrivers(List<Future<?>> running) {
        for (Future<?> f : running) {
            boolean done = false;
            while (!done) {
                try {
                    f.get();
                    done = true;
                } catch (InterruptedException again) {
                    // keep waiting: the caller restores the interrupt once every driver has stopped
                } catch (ExecutionException ignored) {
                    done = true; // the job has already failed; this driver's own failure adds nothing
                }
            }
        }
    }

    private void drive(int slot, Job job) {
        for (int s = job.next.getAndIncrement(); s < job.shards.size() && job.failure == null;
                s = job.next.getAndIncrement()) {
            runShard(slot, job, s);
        }
    }

    /** Runs one shard on this slot's worker, replacing the worker and re-running the shard when it dies or hangs. */
    private void runShard(int slot, Job job, int s) {
        List<String> deaths = new ArrayList<>();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            if (!workers[slot].isAlive()) {
                WorkerProcess dead = workers[slot];
                replace(slot);
                job.event("worker pid " + dead.pid() + " had ended before " + job.name(s) + dead.exitDescription()
                        + "; replaced by worker pid " + workers[slot].pid());
            }
            WorkerProcess w = workers[slot];
            AtomicBoolean hung = new AtomicBoolean();
            String death;
            try {
                Long result = attempt(w, job, s, attempt, hung);
                if (result != null) {
                    job.results[s] = result;
                    return;
                }
                death = "worker pid " + w.pid() + (hung.get() ? " hung (no progress for more than "
                        + seconds(timeout) + " s) and was killed" : " died") + w.exitDescription();
            } catch (FramingException e) {
                w.kill();
                replace(slot);
                job.fail(new BackendException("framing error on the control channel of worker pid " + w.pid()
                        + " during " + job.name(s) + ": " + e.getMessage() + "; its result was discarded", e));
                return;
            } catch (IOException e) {
                death = "worker pid " + w.pid() + " broke its pipe (" + e.getMessage() + ")" + w.exitDescription();
            } catch (BackendException e) {
                job.fail(e);
                return;
            }
            deaths.add(death);
            if (attempt == MAX_ATTEMPTS) {
                break;
            }
            replace(slot);
            job.event(death + " during " + job.name(s) + ", attempt " + attempt + " of " + MAX_ATTEMPTS
                    + "; re-running it on fresh worker pid " + workers[slot].pid());
        }
        replace(slot);
        job.fail(new BackendException(job.name(s) + " failed " + MAX_ATTEMPTS + " times, giving up: "
                + String.join("; ", deaths)));
    }

    /**
     * Sends the shard and waits for its answer, killing the worker once it has been silent (no heartbeat, no answer)
     * for longer than the timeout; returns null when the worker died or was killed as hung.
     */
    private Long attempt(WorkerProcess w, Job job, int s, int attempt, AtomicBoolean hung) throws IOException {
        Frame task = Frame.of(Frame.TASK, o -> {
            o.writeInt(s);
            o.writeInt(attempt);
            job.shards.get(s).body().write(o);
        });
        Runnable killAsHung = () -> {
            hung.set(true);
            w.kill();
        };
        ScheduledFuture<?> guard = timer.schedule(killAsHung, timeout.toNanos(), TimeUnit.NANOSECONDS);
        busy.add(w.pid());
        try {
            w.send(task);
            Frame answer = w.receive();
            while (answer != null && answer.type() == Frame.HEARTBEAT) {
                checkShard(answer, s);
                // progress: the silence starts again (a guard that already fired has killed the worker)
                guard.cancel(false);
                guard = timer.schedule(killAsHung, timeout.toNanos(), TimeUnit.NANOSECONDS);
                answer = w.receive();
            }
            if (answer == null) {
                return null;
            }
            checkShard(answer, s);
            if (answer.type() == Frame.ERROR) {
                java.io.DataInputStream r = answer.reader();
                r.readInt();
                throw new BackendException("worker pid " + w.pid() + " failed " + job.name(s) + ": " + r.readUTF());
            }
            if (answer.type() != Frame.DONE) {
                throw new FramingException("unexpected frame type " + answer.type() + " in answer to a task");
            }
            java.io.DataInputStream r = answer.reader();
            r.readInt();
            return r.readLong();
        } catch (IOException e) {
            if (hung.get() || !w.isAlive()) {
                return null; // the stream broke because the worker was killed or died: a death, not garbage
            }
            throw e;
        } finally {
            guard.cancel(false);
            busy.remove(w.pid());
        }
    }

    private static void checkShard(Frame f, int s) throws IOException {
        int shard = f.reader().readInt();
        if (shard != s) {
            throw new FramingException("frame type " + f.type() + " for shard " + shard + " while shard " + s
                    + " was running");
        }
    }

    private void replace(int slot) {
        workers[slot].kill();
        WorkerProcess fresh = WorkerProcess.start(command);
        hello(fresh);
        synchronized (workers) {
            workers[slot] = fresh;
        }
    }

    private void hello(WorkerProcess w) {
        long allowance = Math.max(timeout.toNanos(), HELLO_MIN.toNanos());
        ScheduledFuture<?> guard = timer.schedule(w::kill, allowance, TimeUnit.NANOSECONDS);
        try {
            w.awaitHello();
        } catch (IOException e) {
            w.kill();
            throw new BackendException("worker JVM did not start: " + e.getMessage(), e);
        } finally {
            guard.cancel(false);
        }
    }

    /** Stops every worker (end of input first, a kill after two seconds) and the parent's threads. */
    @Override
    public void close() {
        List<Thread> stoppers = new ArrayList<>();
        for (WorkerProcess w : workers) {
            if (w != null) {
                Thread t = new Thread(w::stop, "gpulab-process-stop-" + w.pid());
                t.start();
                stoppers.add(t);
            }
        }
        for (Thread t : stoppers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        drivers.shutdownNow();
        timer.shutdownNow();
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f", d.toNanos() / 1e9);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The state of one job shared by the slot drivers. */
    private static final class Job {

        final String task;
        final List<Shard> shards;
        final long[] results;
        final AtomicInteger next = new AtomicInteger();
        final List<String> events;
        volatile BackendException failure;

        Job(String task, List<Shard> shards, List<String> events) {
            this.task = task;
            this.shards = shards;
            this.results = new long[shards.size()];
            this.events = Collections.synchronizedList(events);
        }

        String name(int s) {
            return task + " shard " + s + " of " + shards.size() + " " + shards.get(s).description();
        }

        void event(String line) {
            events.add(line);
        }

        synchronized void fail(BackendException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }
}
