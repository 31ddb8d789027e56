package io.gpulab.bench.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.gpulab.api.Availability;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.DeviceInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.HardwareAbstractionLayer;

/**
 * Records the machine a benchmark ran on, because JMH records no hardware: host, CPU, memory, OS, JVM, every
 * backend's probe with its devices and drivers, the date, and gpulab's version and commit.
 */
public final class Environment {

    /** The value recorded for facts that cannot be found out. */
    public static final String UNKNOWN = "unknown";

    private Environment() {
    }

    /** Collects the environment record, probing every provider (probes are cached, so this is cheap later). */
    public static JsonObject collect(List<BackendProvider> providers) {
        JsonObject env = new JsonObject();
        env.addProperty("schema", "gpulab-environment/1");
        env.addProperty("date", Instant.now().toString());
        Properties build = buildProperties();
        env.addProperty("gpulabVersion", build.getProperty("version", UNKNOWN));
        env.addProperty("gitCommit", gitCommit(build.getProperty("commit", UNKNOWN)));
        addHost(env);
        JsonObject jvm = new JsonObject();
        jvm.addProperty("name", System.getProperty("java.vm.name"));
        jvm.addProperty("vendor", System.getProperty("java.vm.vendor"));
        jvm.addProperty("version", System.getProperty("java.runtime.version", System.getProperty("java.version")));
        jvm.addProperty("maxHeapBytes", Runtime.getRuntime().maxMemory());
        env.add("jvm", jvm);
        JsonArray backends = new JsonArray();
        for (BackendProvider p : providers) {
            backends.add(backend(p));
        }
        env.add("backends", backends);
        return env;
    }

    /** Returns the host name as OSHI reports it, or {@link #UNKNOWN}. */
    public static String hostName() {
        try {
            String h = new SystemInfo().getOperatingSystem().getNetworkParams().getHostName();
            return h == null || h.isBlank() ? UNKNOWN : h;
        } catch (RuntimeException | LinkageError e) {
            return UNKNOWN;
        }
    }

    private static void addHost(JsonObject env) {
        env.addProperty("host", hostName());
        JsonObject cpu = new JsonObject();
        JsonObject os = new JsonObject();
        try {
            SystemInfo si = new SystemInfo();
            HardwareAbstractionLayer hal = si.getHardware();
            CentralProcessor p = hal.getProcessor();
            cpu.addProperty("model", p.getProcessorIdentifier().getName().trim());
            cpu.addProperty("physicalCores", p.getPhysicalProcessorCount());
            cpu.addProperty("logicalCores", p.getLogicalProcessorCount());
            cpu.addProperty("maxFreqHz", p.getMaxFreq());
            env.addProperty("memoryBytes", hal.getMemory().getTotal());
            os.addProperty("name", si.getOperatingSystem().toString());
        } catch (RuntimeException | LinkageError e) {
            // OSHI could not read the hardware (restricted /proc, unknown platform): say so rather than fail the run
            cpu.addProperty("model", UNKNOWN);
            cpu.addProperty("error", String.valueOf(e));
        }
        cpu.addProperty("availableProcessors", Runtime.getRuntime().availableProcessors());
        os.addProperty("arch", System.getProperty("os.arch"));
        if (!os.has("name")) {
            os.addProperty("name", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        }
        env.add("cpu", cpu);
        env.add("os", os);
    }

    private static JsonObject backend(BackendProvider p) {
        JsonObject b = new JsonObject();
        b.addProperty("id", p.id());
        Availability a;
        try {
            a = p.probe();
        } catch (RuntimeException | LinkageError e) {
            a = Availability.unavailable("probe threw " + e);
        }
        b.addProperty("available", a.available());
        if (a.reason() != null) {
            b.addProperty("reason", a.reason());
        }
        JsonArray devices = new JsonArray();
        for (DeviceInfo d : a.devices()) {
            JsonObject dev = new JsonObject();
            dev.addProperty("id", d.id());
            dev.addProperty("name", d.name());
            JsonObject props = new JsonObject();
            for (Map.Entry<String, String> e : d.properties().entrySet()) {
                props.addProperty(e.getKey(), e.getValue());
            }
            dev.add("properties", props);
            devices.add(dev);
        }
        b.add("devices", devices);
        return b;
    }

    private static Properties buildProperties() {
        Properties p = new Properties();
        try (InputStream in = Environment.class.getResourceAsStream("/io/gpulab/bench/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gpulab's build.properties", e);
        }
        return p;
    }

    /**
     * Returns the commit recorded at build time, else the commit of the checkout the command runs in (marked
     * {@code -dirty} when tracked files changed), else {@link #UNKNOWN}.
     */
    static String gitCommit(String recorded) {
        if (recorded != null && recorded.matches("[0-9a-f]{7,40}(-dirty)?")) {
            return recorded;
        }
        String head = git("rev-parse", "HEAD");
        if (head == null || !head.matches("[0-9a-f]{40}")) {
            return UNKNOWN;
        }
        String status = git("status", "--porcelain", "--untracked-files=no");
        return status == null || status.isEmpty() ? head : head + "-dirty";
    }

    private static String git(String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "git";
        System.arraycopy(args, 0, cmd, 1, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
