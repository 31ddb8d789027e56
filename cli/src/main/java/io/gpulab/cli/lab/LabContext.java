package io.gpulab.cli.lab;

import io.gpulab.api.Availability;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.Backends;
import io.gpulab.api.spi.SelfTest;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Carries what every experiment needs: the size, the repeats, the device backends asked for, the machine, a progress
 * writer and the results of the experiments run before it in the same session.
 */
public final class LabContext {

    /** The backends that run on the CPU; every other backend is a device backend for the GPU steps. */
    static final Set<String> CPU_BACKENDS = Set.of("seq", "forkjoin", "process");

    /**
     * The backends that spread work over a cluster: not a device, so the GPU steps (judged against a GPU's
     * expectations) run them only when named in {@code --backends}.
     */
    static final Set<String> CLUSTER_BACKENDS = Set.of("spark");

    private final LabSize size;
    private final int repeat;
    private final Integer count;
    private final List<String> deviceIds;
    private final LabMachine machine;
    private final PrintWriter progress;
    private final Map<String, LabResult> earlier = new LinkedHashMap<>();

    /**
     * Creates a context.
     *
     * @param deviceIds the device backends asked for, or null for every device backend on the class path
     * @param count the number of photos for blur-photos, or null for the size's default
     */
    public LabContext(LabSize size, int repeat, Integer count, List<String> deviceIds, LabMachine machine,
            PrintWriter progress) {
        this.size = size;
        this.repeat = repeat;
        this.count = count;
        this.deviceIds = deviceIds == null ? null : List.copyOf(deviceIds);
        this.machine = machine;
        this.progress = progress;
    }

    /** Returns the size. */
    public LabSize size() {
        return size;
    }

    /** Returns the timed repeats per step. */
    public int repeat() {
        return repeat;
    }

    /** Returns the photo count asked for, or this default. */
    public int count(int fallback) {
        return count == null ? fallback : count;
    }

    /** Returns the machine. */
    public LabMachine machine() {
        return machine;
    }

    /** Returns the processors available to the JVM. */
    public int cores() {
        return machine.cores();
    }

    /** Prints one progress line on stderr, so that a long experiment shows it is alive. */
    public void progress(String line) {
        if (progress != null) {
            progress.println("lab: " + line);
            progress.flush();
        }
    }

    /**
     * Returns, when the one-minute load average now exceeds the cores, a clause saying that other processes were
     * using them (the usual reason a parallel speedup falls short on a shared machine); else an empty string.
     */
    public String contention() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        if (load <= cores()) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, "; the load average was %.1f on %d cores, so other processes "
                + "held most of the cores", load, cores());
    }

    /** Records a finished experiment's result for later ones (which-tool quotes them). */
    public void record(LabResult result) {
        earlier.put(result.id(), result);
    }

    /** Returns the result of an experiment run earlier in this session, or null. */
    public LabResult earlier(String id) {
        return earlier.get(id);
    }

    /**
     * Returns the device backends to use, each with its availability: those asked for, or every provider that is
     * neither a CPU nor a cluster backend. A backend asked for that does not exist is refused before anything runs.
     */
    public List<DeviceChoice> devices() {
        List<DeviceChoice> out = new ArrayList<>();
        for (BackendProvider p : Backends.all()) {
            boolean wanted = deviceIds == null
                    ? !CPU_BACKENDS.contains(p.id()) && !CLUSTER_BACKENDS.contains(p.id()) : deviceIds.contains(p.id());
            if (wanted) {
                Availability a;
                try {
                    a = p.probe();
                } catch (RuntimeException | LinkageError e) {
                    a = Availability.unavailable("probe failed: " + SelfTest.oneLine(e));
                }
                out.add(new DeviceChoice(p.id(), a, p.tasks()));
            }
        }
        return out;
    }

    /**
     * Pairs a device backend with its probe.
     *
     * @param id the backend id
     * @param availability its probe: devices, or the reason it cannot run
     * @param tasks the ids of the tasks the backend runs
     */
    public record DeviceChoice(String id, Availability availability, Set<String> tasks) {

        /** Returns why this backend cannot run the task here, or null when it can. */
        public String whyNot(String task) {
            if (!availability.available()) {
                return availability.reason();
            }
            return tasks.contains(task) ? null : "backend " + id + " does not run task " + task;
        }

        /** Returns true when the backend's first device is a CPU (OpenCL on PoCL, for example). */
        public boolean onCpu() {
            return !availability.devices().isEmpty()
                    && "CPU".equalsIgnoreCase(availability.devices().get(0).properties().get("type"));
        }

        /** Returns the first device's name and type, or the backend id. */
        public String deviceName() {
            if (availability.devices().isEmpty()) {
                return id;
            }
            var d = availability.devices().get(0);
            String type = d.properties().get("type");
            return d.name() + (type == null ? "" : " (" + type + ")");
        }
    }
}
