package io.gpulab.cli.lab;

import io.gpulab.api.Availability;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.Backends;
import io.gpulab.api.DeviceInfo;
import io.gpulab.cpu.CpuInfo;
import io.gpulab.api.spi.SelfTest;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Holds the facts about this machine that every sheet shows beside its numbers: CPU, cores, memory, load, JVM and
 * every backend with its devices or the reason it cannot run.
 *
 * @param cpu the CPU model
 * @param cores the processors available to the JVM
 * @param memory the physical memory, as text
 * @param load the one-minute load average when the lab started, as text (other users' work shows here)
 * @param os the operating system
 * @param jvm the JVM name and version
 * @param backends one line per backend: its devices, or unavailable and why
 * @param date when the lab ran
 */
public record LabMachine(String cpu, int cores, String memory, String load, String os, String jvm,
        List<String> backends, String date) {

    /** Creates the record with an immutable backend list. */
    public LabMachine {
        backends = List.copyOf(backends);
    }

    /** Collects the facts of the machine this JVM runs on, probing every backend (probes are cached). */
    public static LabMachine here() {
        List<String> lines = new ArrayList<>();
        for (BackendProvider p : Backends.all()) {
            lines.add(p.id() + ": " + describe(p));
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        return new LabMachine(CpuInfo.modelName(), cores, physicalMemory(), load < 0 ? "unknown"
                : String.format(Locale.ROOT, "%.2f (one-minute average, %d cores)", load, cores),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version",
                        System.getProperty("java.version")), lines, Instant.now().toString());
    }

    private static String describe(BackendProvider p) {
        Availability a;
        try {
            a = p.probe();
        } catch (RuntimeException | LinkageError e) {
            return "unavailable: probe failed: " + SelfTest.oneLine(e);
        }
        if (!a.available()) {
            return "unavailable: " + a.reason();
        }
        List<String> devices = new ArrayList<>();
        for (DeviceInfo d : a.devices()) {
            String type = d.properties().get("type");
            devices.add(d.id() + " " + d.name() + (type == null ? "" : " (" + type + ")"));
        }
        return String.join("; ", devices);
    }

    private static String physicalMemory() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return (sun.getTotalMemorySize() >> 20) + " MiB";
        }
        return "unknown";
    }

    /** Returns the machine as one line for the terminal. */
    public String oneLine() {
        return cores + " cores (" + cpu + "), load " + load;
    }
}
