package io.gpulab.gpu.device;

import io.gpulab.api.Phase;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Sums the device seconds of one run's copies and launches into the run phases upload, kernel and download: each
 * phase is the sum of its commands' own device times (start to end of each command). Where the two queues of a
 * {@link Device} overlap a copy with a kernel, both count in full, so the phases may add up to more than the run's
 * wall time; the difference is the time the overlap saved.
 */
public final class Phases {

    private final Map<Phase, Double> seconds = new EnumMap<>(Phase.class);

    /** Creates the sums at zero. */
    public Phases() {
        reset();
    }

    /** Sets every phase back to zero. */
    public void reset() {
        seconds.put(Phase.UPLOAD, 0.0);
        seconds.put(Phase.KERNEL, 0.0);
        seconds.put(Phase.DOWNLOAD, 0.0);
    }

    /** Adds device seconds to one phase. */
    public void add(Phase phase, double s) {
        seconds.merge(phase, s, Double::sum);
    }

    /** Returns an unmodifiable copy of the sums, in the order upload, kernel, download. */
    public Map<Phase, Double> snapshot() {
        return Collections.unmodifiableMap(new EnumMap<>(seconds));
    }
}
