package io.gpulab.gpu.device;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sums the device seconds of one run's copies and launches into the phases upload, kernel and download. */
public final class Phases {

    /** The phase of host-to-device copies. */
    public static final String UPLOAD = "upload";
    /** The phase of kernel launches. */
    public static final String KERNEL = "kernel";
    /** The phase of device-to-host copies. */
    public static final String DOWNLOAD = "download";

    private final Map<String, Double> seconds = new LinkedHashMap<>();

    /** Creates the sums at zero. */
    public Phases() {
        reset();
    }

    /** Sets every phase back to zero. */
    public void reset() {
        seconds.put(UPLOAD, 0.0);
        seconds.put(KERNEL, 0.0);
        seconds.put(DOWNLOAD, 0.0);
    }

    /** Adds device seconds to one phase. */
    public void add(String phase, double s) {
        seconds.merge(phase, s, Double::sum);
    }

    /** Returns an unmodifiable copy of the sums, in the order upload, kernel, download. */
    public Map<String, Double> snapshot() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
    }
}
