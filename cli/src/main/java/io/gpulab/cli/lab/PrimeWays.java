package io.gpulab.cli.lab;

import java.util.ArrayList;
import java.util.List;

/** Counts the primes of four sub-ranges by the course's trial division: one after the other, in threads, in JVMs. */
final class PrimeWays {

    private final long[] bounds;

    PrimeWays(long[] bounds) {
        this.bounds = bounds;
    }

    /** Counts the ranges one after the other on the calling thread. */
    PrimesInFour.Run sequential() {
        int parts = bounds.length - 1;
        long[] c = new long[parts];
        double[] s = new double[parts];
        for (int i = 0; i < parts; i++) {
            long t0 = System.nanoTime();
            c[i] = CourseCode.countPrimes(bounds[i], bounds[i + 1]);
            s[i] = (System.nanoTime() - t0) / 1e9;
        }
        return new PrimesInFour.Run(c, s);
    }

    /** Counts each range on its own platform thread; each thread times its own range. */
    PrimesInFour.Run threads() throws InterruptedException {
        int parts = bounds.length - 1;
        long[] c = new long[parts];
        double[] s = new double[parts];
        List<Thread> ts = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            int n = i;
            Thread t = new Thread(() -> {
                long t0 = System.nanoTime();
                c[n] = CourseCode.countPrimes(bounds[n], bounds[n + 1]);
                s[n] = (System.nanoTime() - t0) / 1e9;
            }, "range-" + i);
            ts.add(t);
            t.start();
        }
        for (Thread t : ts) {
            t.join();
        }
        return new PrimesInFour.Run(c, s);
    }

    /** Counts each range in its own child JVM; the times are those each child measured, without its start. */
    PrimesInFour.Run processes() throws Exception {
        int parts = bounds.length - 1;
        List<ChildJvm> children = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            children.add(ChildJvm.start(List.of("primes", Long.toString(bounds[i]), Long.toString(bounds[i + 1]))));
        }
        long[] c = new long[parts];
        double[] s = new double[parts];
        for (int i = 0; i < parts; i++) {
            String[] a = children.get(i).answer().split(" ");
            c[i] = Long.parseLong(a[0]);
            s[i] = Double.parseDouble(a[1]);
        }
        return new PrimesInFour.Run(c, s);
    }

    /** Explains a threads or processes step from its verdicts (course first, then this machine's model). */
    static String why(List<Judgment> js, String way, int cores, double imbalance, String contention) {
        Judgment course = js.get(0);
        Judgment here = js.get(1);
        String balance = "the slowest range took " + Format.num(imbalance) + "x the average range";
        if (Steps.busy(course) || Steps.busy(here)) {
            return "the repeats disagree too much to say: other users' work shares these " + cores + " cores; "
                    + balance;
        }
        String s = Format.speedup(here.speedup());
        if (way.equals("threads")) {
            if (Steps.matches(here)) {
                return "Java threads have no global lock: they ran the ranges on " + cores + " cores at once ("
                        + s + "), limited by the cores and by the slowest range; " + balance;
            }
            return "Java threads can run in parallel, but gave " + s + "; " + balance + contention;
        }
        if (Steps.matches(here)) {
            return "each child JVM counted its range on a core of its own (" + s + "); " + balance
                    + "; a JVM start is small next to seconds of work";
        }
        return "each range ran in a fresh JVM that first starts and compiles the loop; " + balance + "; with "
                + cores + " cores this gave " + s + contention;
    }

    /** Explains a device step: on a CPU it shares the cores; on a GPU, launches and transfers cost against work. */
    static String deviceWhy(Judgment j, LabContext.DeviceChoice d, PrimesInFour.Run run) {
        String s = Format.speedup(j.speedup());
        if (d.onCpu()) {
            return d.deviceName() + " runs the OpenCL kernels on this CPU's cores, so it can at best match a "
                    + "multi-core sieve; it gave " + s + " over one core, and no GPU was involved";
        }
        return "the GPU sieved each range in one launch; " + s + " over one core, the launch and the download of "
                + "the count included";
    }
}
