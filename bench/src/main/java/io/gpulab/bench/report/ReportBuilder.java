package io.gpulab.bench.report;

import io.gpulab.bench.BenchSize;
import io.gpulab.bench.BenchTask;
import io.gpulab.bench.run.Skip;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Builds the report from the results of one or several machines: tables, skips and charts per task. */
public final class ReportBuilder {

    private static final List<String> BACKEND_ORDER = List.of("seq", "forkjoin", "process", "opencl", "cuda");

    private ReportBuilder() {
    }

    /** Builds the report; machines keep the order given, and two directories of one host get distinct labels. */
    public static Report build(List<MachineResults> input) {
        List<MachineResults> results = distinctLabels(input);
        List<TaskReport> tasks = new ArrayList<>();
        for (BenchTask task : BenchTask.values()) {
            List<Measurement> ms = results.stream().flatMap(r -> r.measurements().stream())
                    .filter(m -> m.task().equals(task.id())).toList();
            List<Skip> skipped = results.stream().flatMap(r -> r.skipped().stream()
                    .filter(s -> s.task().equals(task.id()))
                    .map(s -> new Skip(s.task(), r.machine().label() + " · " + s.backend(), s.size(), s.reason())))
                    .toList();
            if (ms.isEmpty() && skipped.isEmpty()) {
                continue;
            }
            List<String> machines = results.stream().map(r -> r.machine().label()).toList();
            List<String> sizes = sizes(task, ms);
            List<String> backends = backends(ms);
            tasks.add(new TaskReport(task.id(), task.unit(), rows(task, ms, sizes, backends, machines), skipped,
                    new TaskCharts(task, ms, machines, sizes, backends).all()));
        }
        return new Report(results.stream().map(MachineResults::machine).toList(), tasks);
    }

    private static List<MachineResults> distinctLabels(List<MachineResults> input) {
        Map<String, Integer> seen = new HashMap<>();
        List<MachineResults> out = new ArrayList<>();
        for (MachineResults r : input) {
            int n = seen.merge(r.machine().label(), 1, Integer::sum);
            out.add(n == 1 ? r : r.relabel(r.machine().label() + " #" + n));
        }
        return out;
    }

    /** Returns the sizes measured, in the task's own order, unknown names last. */
    static List<String> sizes(BenchTask task, List<Measurement> ms) {
        List<String> known = task.sizes().stream().map(BenchSize::name).toList();
        return ms.stream().map(Measurement::size).distinct().sorted((a, b) -> Integer.compare(
                rank(known, a), rank(known, b))).toList();
    }

    /** Returns the backends measured: seq, forkjoin, process, opencl, cuda, then device ids and others. */
    static List<String> backends(List<Measurement> ms) {
        return ms.stream().map(Measurement::backend).distinct().sorted((a, b) -> {
            int c = Integer.compare(rank(BACKEND_ORDER, base(a)), rank(BACKEND_ORDER, base(b)));
            return c != 0 ? c : a.compareTo(b);
        }).toList();
    }

    private static String base(String backend) {
        int colon = backend.indexOf(':');
        return colon < 0 ? backend : backend.substring(0, colon);
    }

    private static int rank(List<String> order, String s) {
        int i = order.indexOf(s);
        return i < 0 ? order.size() : i;
    }

    /** Finds the measurement of a machine, backend and size. */
    static Optional<Measurement> find(List<Measurement> ms, String machine, String backend, String size) {
        return ms.stream().filter(m -> m.machine().equals(machine) && m.backend().equals(backend)
                && m.size().equals(size)).findFirst();
    }

    private static List<Row> rows(BenchTask task, List<Measurement> ms, List<String> sizes, List<String> backends,
            List<String> machines) {
        List<Row> rows = new ArrayList<>();
        for (String size : sizes) {
            String sizeText = size + task.size(size).map(s -> " (" + s.label() + ")").orElse("");
            for (String backend : backends) {
                for (String machine : machines) {
                    find(ms, machine, backend, size).ifPresent(m -> rows.add(row(task, m, sizeText,
                            find(ms, machine, "seq", size))));
                }
            }
        }
        return rows;
    }

    private static Row row(BenchTask task, Measurement m, String sizeText, Optional<Measurement> seq) {
        String time = fmt(m.msPerOp()) + (Double.isNaN(m.errorMs()) ? "" : " ± " + fmt(m.errorMs())) + " ms";
        String thr = Double.isNaN(m.throughput()) ? "–" : scaled(m.throughput()) + " " + task.unit() + "/s";
        String speedup = seq.isPresent() && !m.backend().equals("seq")
                ? fmt(seq.get().msPerOp() / m.msPerOp()) + "×" : "–";
        String phases = m.phasesMs().isEmpty() ? "–" : m.phasesMs().entrySet().stream()
                .map(e -> e.getKey() + " " + fmt(e.getValue()) + " ms").collect(Collectors.joining(", "));
        String compile = m.compileMs() > 0 ? fmt(m.compileMs()) + " ms" : "–";
        return new Row(m.machine(), m.backend(), sizeText, time, thr, speedup, phases, compile, m.samples());
    }

    /** Formats a positive number with about four significant digits, without exponents. */
    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        double a = Math.abs(v);
        String pattern = a >= 1000 ? "%.0f" : a >= 100 ? "%.1f" : a >= 10 ? "%.2f" : a >= 0.01 ? "%.3f" : "%.2g";
        return String.format(Locale.ROOT, pattern, v);
    }

    /** Formats a rate with an SI prefix (k, M, G, T). */
    static String scaled(double v) {
        String[] prefix = {"", "k", "M", "G", "T"};
        int p = 0;
        while (p < prefix.length - 1 && Math.abs(v) >= 1000) {
            v /= 1000;
            p++;
        }
        return fmt(v) + (p == 0 ? "" : " " + prefix[p]);
    }
}
