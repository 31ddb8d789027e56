package io.gpulab.api;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * Gives the bounds on threads and worker JVMs that this machine allows, so that an absurd count is a usage error
 * naming the allowed range instead of a failure deep inside a thread pool or an exhausted machine.
 *
 * <p>Threads: at most {@value #THREADS_PER_PROCESSOR} per available processor and never more than
 * {@value #MAX_THREADS} (a ForkJoinPool takes at most 32767). Worker JVMs: at most
 * {@value #WORKERS_PER_PROCESSOR} per processor, and at most one per {@value #WORKER_MIB} MiB of the machine's
 * physical memory (or the container's limit): an idle worker JVM holds about 49 MiB before its heap grows.
 */
public final class Parallelism {

    /** Threads allowed per available processor. */
    public static final int THREADS_PER_PROCESSOR = 64;
    /** The most threads allowed on any machine. */
    public static final int MAX_THREADS = 4096;
    /** Worker JVMs allowed per available processor. */
    public static final int WORKERS_PER_PROCESSOR = 16;
    /** Memory counted per worker JVM, in MiB: the measured resident size of an idle worker, rounded up. */
    public static final int WORKER_MIB = 64;

    private Parallelism() {
    }

    /** Returns the most threads allowed here: {@value #THREADS_PER_PROCESSOR} per processor, at most 4096. */
    public static int maxThreads() {
        return (int) Math.min(MAX_THREADS, (long) THREADS_PER_PROCESSOR * processors());
    }

    /** Returns the most worker JVMs allowed here: by processors and by physical memory, at least 1. */
    public static int maxWorkers() {
        long byMemory = physicalMemory() / ((long) WORKER_MIB << 20);
        return (int) Math.max(1, Math.min((long) WORKERS_PER_PROCESSOR * processors(), byMemory));
    }

    /**
     * Throws a usage error unless {@code threads} lies in {@code 0..maxThreads()} (0 meaning all processors).
     *
     * @param name the option's name in the message ({@code --threads})
     */
    public static void checkThreads(int threads, String name) {
        if (threads < 0 || threads > maxThreads()) {
            throw new InvalidOptionException(name + " must be between 0 (all processors) and " + maxThreads()
                    + " on this machine (" + THREADS_PER_PROCESSOR + " per processor, " + processors()
                    + " processors, at most " + MAX_THREADS + "): " + threads);
        }
    }

    /**
     * Throws a usage error unless {@code workers} lies in {@code 0..maxWorkers()} (0 meaning all processors).
     *
     * @param name the option's name in the message ({@code --workers})
     */
    public static void checkWorkers(int workers, String name) {
        if (workers < 0 || workers > maxWorkers()) {
            throw new InvalidOptionException(name + " must be between 0 (all processors) and " + maxWorkers()
                    + " on this machine (" + WORKERS_PER_PROCESSOR + " per processor, " + processors()
                    + " processors, and " + WORKER_MIB + " MiB per worker JVM of " + (physicalMemory() >> 20)
                    + " MiB of memory): " + workers);
        }
    }

    private static int processors() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Returns the physical memory (the container's limit inside one), or 1 TiB when the JVM cannot tell. */
    static long physicalMemory() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            long total = sun.getTotalMemorySize();
            if (total > 0) {
                return total;
            }
        }
        return 1L << 40;
    }
}
