package io.gpulab.bench.report;

import io.gpulab.bench.BenchSize;
import io.gpulab.bench.BenchTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Draws one task's charts: throughput per backend grouped by machine and speedup over {@code seq}, both per size;
 * time against size; and the phase breakdown of the runs whose backend reported phases.
 */
final class TaskCharts {

    private static final List<String> PHASES = List.of("upload", "kernel", "download", "other");

    private final BenchTask task;
    private final List<Measurement> ms;
    private final List<String> machines;
    private final List<String> sizes;
    private final List<String> backends;

    TaskCharts(BenchTask task, List<Measurement> ms, List<String> machines, List<String> sizes,
            List<String> backends) {
        this.task = task;
        this.ms = ms;
        this.machines = machines;
        this.sizes = sizes;
        this.backends = backends;
    }

    /** Returns every chart that has data, in reading order. */
    List<Chart> all() {
        List<Chart> charts = new ArrayList<>();
        for (String size : sizes) {
            charts.add(throughput(size));
            speedup(size).ifPresent(charts::add);
        }
        if (sizes.size() > 1) {
            charts.add(timeAgainstSize());
        }
        phases().ifPresent(charts::add);
        return charts;
    }

    private String sizeLabel(String size) {
        return task.size(size).map(BenchSize::label).orElse(size);
    }

    private Chart throughput(String size) {
        double scale = scaleFor(ms.stream().filter(m -> m.size().equals(size))
                .mapToDouble(Measurement::throughput).filter(v -> !Double.isNaN(v)).max().orElse(1));
        String prefix = prefix(scale);
        List<String> present = present(size);
        Map<String, List<Double>> values = perMachine(size, present, m -> m.throughput() / scale);
        Map<String, List<Double>> errors = perMachine(size, present, m -> m.throughputError() / scale);
        return Charts.bars(task.id() + "-" + size + "-throughput", task.id() + ", " + sizeLabel(size)
                + ": throughput (higher is better)", prefix + task.unit() + " per second", present, values,
                errors, false);
    }

    private Optional<Chart> speedup(String size) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        boolean any = false;
        List<String> present = present(size);
        for (String machine : machines) {
            Optional<Measurement> seq = ReportBuilder.find(ms, machine, "seq", size);
            List<Double> v = new ArrayList<>();
            for (String b : present) {
                Optional<Measurement> m = ReportBuilder.find(ms, machine, b, size);
                v.add(seq.isPresent() && m.isPresent() ? seq.get().msPerOp() / m.get().msPerOp() : null);
                any |= seq.isPresent() && m.isPresent() && !b.equals("seq");
            }
            values.put(machine, v);
        }
        if (!any) {
            return Optional.empty();
        }
        return Optional.of(Charts.bars(task.id() + "-" + size + "-speedup", task.id() + ", " + sizeLabel(size)
                + ": speedup over seq on the same machine", "× seq", present, values, null, false));
    }

    private Chart timeAgainstSize() {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        Map<String, List<Double>> errors = new LinkedHashMap<>();
        for (String machine : machines) {
            for (String b : backends) {
                List<Double> v = new ArrayList<>();
                List<Double> e = new ArrayList<>();
                for (String size : sizes) {
                    Optional<Measurement> m = ReportBuilder.find(ms, machine, b, size);
                    v.add(m.map(Measurement::msPerOp).orElse(null));
                    e.add(m.map(Measurement::errorMs).orElse(null));
                }
                if (v.stream().anyMatch(x -> x != null)) {
                    values.put(machine + " · " + b, v);
                    errors.put(machine + " · " + b, e);
                }
            }
        }
        return Charts.lines(task.id() + "-time-vs-size", task.id() + ": time per run against size",
                "ms per run", sizes, values, errors, false);
    }

    private Optional<Chart> phases() {
        List<Measurement> phased = ms.stream().filter(m -> !m.phasesMs().isEmpty()).toList();
        if (phased.isEmpty()) {
            return Optional.empty();
        }
        List<String> categories = phased.stream().map(m -> m.machine() + " · " + m.backend() + " · " + m.size())
                .toList();
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (String phase : PHASES) {
            if (phased.stream().anyMatch(m -> m.phasesMs().containsKey(phase))) {
                series.put(phase, phased.stream().map(m -> m.phasesMs().getOrDefault(phase, 0.0)).toList());
            }
        }
        series.put("rest of run (host side)", phased.stream().map(m -> Math.max(0, m.msPerOp()
                - m.phasesMs().values().stream().mapToDouble(Double::doubleValue).sum())).toList());
        return Optional.of(Charts.stacked(task.id() + "-phases", task.id()
                + ": phases of one run, as the backend measured them", "ms per run", categories, series));
    }

    /** Returns the backends measured at this size on some machine, so that no category is empty. */
    private List<String> present(String size) {
        return backends.stream().filter(b -> ms.stream().anyMatch(m -> m.backend().equals(b)
                && m.size().equals(size))).toList();
    }

    private Map<String, List<Double>> perMachine(String size, List<String> present, Function<Measurement, Double> f) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (String machine : machines) {
            List<Double> v = new ArrayList<>();
            for (String b : present) {
                v.add(ReportBuilder.find(ms, machine, b, size).map(f).orElse(null));
            }
            out.put(machine, v);
        }
        return out;
    }

    private static double scaleFor(double max) {
        double s = 1;
        while (s < 1e12 && max / s >= 1000) {
            s *= 1000;
        }
        return s;
    }

    private static String prefix(double scale) {
        return scale >= 1e12 ? "T" : scale >= 1e9 ? "G" : scale >= 1e6 ? "M" : scale >= 1e3 ? "k" : "";
    }
}
