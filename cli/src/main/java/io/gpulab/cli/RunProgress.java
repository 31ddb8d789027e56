package io.gpulab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Shows how far a {@code gpulab run} has come on one line of stderr, redrawn in place: work units done of the total,
 * the rate, and the time left, or what runs now ("checking against seq"). Only on an interactive terminal, only once
 * the run has lasted a second, never under {@code --json}: logs and pipes stay clean.
 *
 * <p>A daemon thread redraws the line four times a second from counters: the units of finished runs, and the
 * running kernel's own {@link io.gpulab.api.Kernel#workDone} where it counts; the timed runs only add to an atomic
 * counter, so the figures they report are not changed by it.
 */
final class RunProgress implements AutoCloseable {

    /** How long a run lasts before the line appears. */
    static final long SHOW_AFTER_NANOS = 1_000_000_000L;

    private final PrintWriter err;
    private final boolean shown;
    private final LongSupplier clock;
    private final long start;
    private final AtomicLong completed = new AtomicLong();
    private volatile long total;
    private volatile boolean totalKnown = true;
    private volatile String unit = "units";
    private volatile LongSupplier running;
    private volatile String phase;
    private ScheduledExecutorService timer;
    private boolean visible;
    private boolean closed;

    /** Creates the progress of a run; {@code shown} false (a pipe, JSON) makes every method draw nothing. */
    RunProgress(PrintWriter err, boolean shown, LongSupplier clock) {
        this.err = err;
        this.shown = shown;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /** Returns the progress of a run that draws on stderr when it is a terminal and the output is not JSON. */
    static RunProgress start(PrintWriter err, boolean json) {
        RunProgress p = new RunProgress(err, System.console() != null && !json, System::nanoTime);
        if (p.shown) {
            p.timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "gpulab-progress");
                t.setDaemon(true);
                return t;
            });
            p.timer.scheduleAtFixedRate(p::tick, 250, 250, TimeUnit.MILLISECONDS);
        }
        return p;
    }

    /** Adds runs of this many units to the total, in the task's unit (numbers, hashes, pixels). */
    void expect(long units, String unitName) {
        total += units;
        unit = unitName;
    }

    /** Says that the total is not known in advance (files listed as they are read): show what is done and the rate. */
    void totalUnknown() {
        totalKnown = false;
    }

    /** Marks the start of one run whose kernel reports its units done, or -1 when it cannot tell. */
    void running(LongSupplier workDone) {
        phase = null;
        running = workDone;
    }

    /** Marks one run of this many units as finished. */
    void finished(long units) {
        completed.addAndGet(units);
        running = null;
    }

    /** Shows this text instead of the counts until the next run starts, such as "checking against seq". */
    void phase(String text) {
        phase = text;
    }

    /** Redraws the line when it is due, and returns its text (without the terminal codes), or null when none. */
    synchronized String tick() {
        long elapsed = clock.getAsLong() - start;
        if (!shown || closed || elapsed < SHOW_AFTER_NANOS) {
            return null;
        }
        String line = line(elapsed / 1e9);
        err.print("\r\033[K" + line);
        err.flush();
        visible = true;
        return line;
    }

    private String line(double seconds) {
        String p = phase;
        if (p != null) {
            return p + ", " + (long) seconds + " s";
        }
        LongSupplier r = running;
        long inRun = r == null ? -1 : r.getAsLong();
        long done = completed.get() + Math.max(0, inRun);
        double rate = done / seconds;
        if (!totalKnown || total <= 0) {
            return count(done) + " " + unit + " done, " + Units.rate(rate, unit);
        }
        long all = total;
        String s = count(done) + "/" + count(all) + " " + unit + " (" + done * 100 / all + "%), ";
        if (done == 0) {
            // a kernel that cannot tell how far it is: say at least how long it has run
            return s + (long) seconds + " s";
        }
        s += Units.rate(rate, unit);
        if (done > 0 && done < all) {
            s += ", " + duration((all - done) / rate) + " left";
        }
        return s;
    }

    /** Returns the count with three significant digits and an SI prefix above 9999: 12.3 M. */
    static String count(long n) {
        if (n < 10_000) {
            return Long.toString(n);
        }
        String[] prefixes = {"k", "M", "G", "T", "P", "E"};
        double v = n / 1000.0;
        int p = 0;
        while (v >= 1000 && p < prefixes.length - 1) {
            v /= 1000;
            p++;
        }
        return (v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v)) + " "
                + prefixes[p];
    }

    private static String duration(double s) {
        long t = Math.round(s);
        return t < 60 ? t + " s" : t < 3600 ? String.format(Locale.ROOT, "%d min %02d s", t / 60, t % 60)
                : String.format(Locale.ROOT, "%d h %02d min", t / 3600, t % 3600 / 60);
    }

    /** Erases the line, if drawn, before other lines are printed; the next redraw brings it back. */
    synchronized void clear() {
        if (visible) {
            err.print("\r\033[K");
            err.flush();
            visible = false;
        }
    }

    /** Stops redrawing and clears the line if one was drawn, before the results are printed. */
    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
        clear();
    }
}
