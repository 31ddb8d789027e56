package io.gpulab.cpu.seq;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chooses, once per blur call, between the two CPU blur paths: the loops C2 vectorizes by itself, and the
 * incubating Vector API ({@link BlurVector}), which is about 1.05-1.25x faster once compiled but costs a few hundred
 * milliseconds of warm-up in every fresh JVM (measured in docs/performance.md: a one-shot 4K frame takes 0.50 s on it
 * against 0.28 s without; 24 photos 0.79 s against 0.40 s).
 *
 * <p>The system property {@value #PROPERTY} sets the mode: {@code auto} (the default) runs the C2 path until this JVM
 * has blurred {@value #AUTO_WORK} sample-taps (samples times taps, about 2.5 s of C2 blur work on the 2-core
 * development machine, some 30 4K frames at sigma 3), then the Vector API path for every later call: one-shot runs
 * never pay the warm-up, long runs and benchmarks get the faster path (a rent-or-buy rule: switch once the C2 path
 * has cost about what the switch would save). A caller that times runs after untimed warm-up runs switches at once
 * ({@link #expectWarmedUpTiming}). {@code true} takes the Vector API path from the first call,
 * {@code false} never. Without the module (or without 256-bit vectors and FMA) every call takes the C2 path.
 *
 * <p>A call's images all take one path, and forkjoin tiles and process bands take their caller's path, so a backend
 * gives the bytes seq gives for the same path; the two paths agree within {@link io.gpulab.tasks.BlurTask#TOLERANCE}.
 */
public final class BlurPath {

    /** The system property that sets the mode: {@code auto}, {@code true} or {@code false}. */
    public static final String PROPERTY = "gpulab.blur.vector";
    /** The sample-taps a JVM blurs on the C2 path before {@code auto} switches to the Vector API path. */
    public static final long AUTO_WORK = 20_000_000_000L;

    /** The modes of {@value #PROPERTY}. */
    enum Mode { AUTO, ALWAYS, NEVER }

    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && BlurTaps.HARDWARE_FMA && BlurVector.supported();
    private static final Mode MODE = mode(System.getProperty(PROPERTY, "auto"));
    private static final AtomicLong WORK_DONE = new AtomicLong();

    private BlurPath() {
    }

    /** Parses the property; anything else than {@code true} or {@code false} means {@code auto}. */
    static Mode mode(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Mode.ALWAYS;
            case "false" -> Mode.NEVER;
            default -> Mode.AUTO;
        };
    }

    /** Returns true when this JVM can run the Vector API path at all (module, 256-bit vectors, FMA). */
    public static boolean available() {
        return AVAILABLE;
    }

    /**
     * Returns whether a blur call of {@code work} sample-taps ({@link #work}) takes the Vector API path, and counts
     * the work; callers decide once per call and pass the answer to every tile or band of it.
     */
    public static boolean choose(long work) {
        if (!AVAILABLE) {
            return false;
        }
        long before = WORK_DONE.getAndAdd(work);
        return choose(MODE, before);
    }

    /**
     * Tells the {@code auto} rule that this JVM is about to time blurs after untimed warm-up runs (such as
     * {@code gpulab run --warmup N} or {@code compare}): the Vector API path's warm-up is then paid in those untimed
     * runs, and the timed ones are faster on it, so {@code auto} takes it from now on.
     */
    public static void expectWarmedUpTiming() {
        WORK_DONE.accumulateAndGet(AUTO_WORK, Math::max);
    }

    /** Returns the sample-taps this JVM has counted so far (for tests). */
    static long workDone() {
        return WORK_DONE.get();
    }

    /** Returns the choice of this mode for a call after {@code workBefore} sample-taps in this JVM. */
    static boolean choose(Mode mode, long workBefore) {
        return switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> workBefore >= AUTO_WORK;
        };
    }

    /** Returns the sample-taps of blurring this image with {@code taps} weights: samples times taps. */
    public static long work(io.gpulab.images.Image img, int taps) {
        return (long) img.sampleCount() * taps;
    }

    /** Returns the name of a path, as {@code gpulab backends} and events show it. */
    public static String name(boolean vector) {
        return vector ? "Vector API 256-bit" : "C2 auto-vectorized";
    }

    /** Returns which path this JVM runs and why, for {@code gpulab backends}. */
    public static String describe() {
        if (!AVAILABLE) {
            return name(false) + " (no Vector API here: run through ./gpulab, which adds jdk.incubator.vector, on a "
                    + "CPU with 256-bit vectors and FMA)";
        }
        return switch (MODE) {
            case ALWAYS -> name(true) + " (" + PROPERTY + "=true)";
            case NEVER -> name(false) + " (" + PROPERTY + "=false)";
            case AUTO -> name(false) + ", then " + name(true) + " once this JVM has blurred "
                    + String.format(Locale.ROOT, "%.0e", (double) AUTO_WORK) + " sample-taps, or at once when runs "
                    + "are timed after --warmup runs (auto: one-shot runs skip the Vector API's warm-up, long and "
                    + "warmed-up runs get its speed)";
        };
    }
}
