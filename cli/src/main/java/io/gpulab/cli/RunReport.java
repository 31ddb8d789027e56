package io.gpulab.cli;

import io.gpulab.api.Backend;
import io.gpulab.api.Phase;
import io.gpulab.api.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects what one {@code gpulab run} measured and prints it as JSON or as one human-readable line. */
final class RunReport {

    private final Task<?, ?> task;
    private final Backend backend;
    private final Timings timings;
    private final long workUnits;
    private final Map<String, Object> result;
    private final Boolean verified;

    /** Creates the report of a finished run. */
    RunReport(Task<?, ?> task, Backend backend, Timings timings, long workUnits, Map<String, Object> result,
            Boolean verified) {
        this.task = task;
        this.backend = backend;
        this.timings = timings;
        this.workUnits = workUnits;
        this.result = result;
        this.verified = verified;
    }

    /** Returns the median seconds of the timed repeats, or NaN when nothing ran on the backend. */
    double seconds() {
        return timings.any() ? Timings.median(timings.totals()) : Double.NaN;
    }

    /** Returns the JSON object of the run, with the documented fields in a stable order. */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        double median = seconds();
        double min = timings.any() ? Timings.min(timings.totals()) : Double.NaN;
        m.put("task", task.id());
        m.put("backend", backend.id());
        m.put("device", backend.device());
        m.put("workUnits", workUnits);
        m.put("unit", task.unit());
        m.put("seconds", median);
        m.put("throughput", median > 0 ? workUnits / median : null);
        m.put("result", result);
        m.put("verified", verified);
        Map<String, Double> phases = Phase.byId(backend.setupPhases());
        phases.putAll(Phase.byId(timings.phases()));
        if (!phases.isEmpty()) {
            m.put("phases", phases);
        }
        if (!timings.events().isEmpty()) {
            m.put("events", List.copyOf(timings.events()));
        }
        m.put("repeats", timings.any() ? timings.totals().length : 0);
        m.put("minSeconds", min);
        m.put("medianSeconds", median);
        if (timings.batches() > 1) {
            m.put("batches", timings.batches());
        }
        return m;
    }

    /** Returns the timing line for people: backend, device, median and minimum time, throughput, verification. */
    String humanLine() {
        if (!timings.any()) {
            return backend.id() + " (" + backend.device() + "): nothing ran on the backend";
        }
        double[] t = timings.totals();
        double median = Timings.median(t);
        StringBuilder sb = new StringBuilder();
        sb.append(backend.id()).append(" (").append(backend.device()).append("): ");
        sb.append(workUnits).append(' ').append(task.unit()).append(" in ").append(Units.seconds(median));
        if (t.length > 1) {
            sb.append(" (median of ").append(t.length).append(", min ").append(Units.seconds(Timings.min(t)))
                    .append(')');
        }
        sb.append(", ").append(Units.rate(median > 0 ? workUnits / median : Double.NaN, task.unit()));
        if (verified != null) {
            sb.append(verified ? ", verified against seq" : ", DIFFERS from seq");
        }
        return sb.toString();
    }
}
