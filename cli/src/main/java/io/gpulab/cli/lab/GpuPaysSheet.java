package io.gpulab.cli.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the gpu-pays measurements into the crossover, the size table and the charts. */
final class GpuPaysSheet {

    private GpuPaysSheet() {
    }

    /** Returns the index of the smallest size from which the device's median beats seq's at every larger size. */
    static Integer crossover(List<GpuPays.Point> seq, List<GpuPays.Point> device) {
        Integer from = null;
        for (int i = seq.size() - 1; i >= 0; i--) {
            if (device.get(i).time().median() < seq.get(i).time().median()) {
                from = i;
            } else {
                break;
            }
        }
        return from;
    }

    static LabTable table(List<Integer> sizes, List<GpuPays.Point> seq, Map<String, List<GpuPays.Point>> devices) {
        List<String> header = new ArrayList<>(List.of("size", "seq"));
        devices.keySet().forEach(id -> header.addAll(List.of(id, "upload", "kernel", "download", "speedup")));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            List<String> row = new ArrayList<>(List.of(sizes.get(i) + "^2", Format.seconds(seq.get(i).time()
                    .median())));
            for (List<GpuPays.Point> p : devices.values()) {
                GpuPays.Point x = p.get(i);
                row.add(Format.seconds(x.time().median()));
                for (String ph : List.of("upload", "kernel", "download")) {
                    row.add(Format.seconds(x.phases().getOrDefault(ph, Double.NaN)));
                }
                row.add(Format.speedup(seq.get(i).time().median() / x.time().median()));
            }
            rows.add(row);
        }
        return new LabTable("Median time per run by size (device phases of the last run)", header, rows);
    }

    private static Double share(GpuPays.Point p, String phase) {
        double all = p.phases().values().stream().mapToDouble(Double::doubleValue).sum();
        Double v = p.phases().get(phase);
        return v == null || !(all > 0) ? null : 100 * v / all;
    }

    static List<ChartSpec> charts(List<Integer> sizes, List<GpuPays.Point> seq,
            Map<String, List<GpuPays.Point>> devices) {
        List<String> cats = sizes.stream().map(n -> n + "^2").toList();
        Map<String, List<Double>> lines = new LinkedHashMap<>();
        lines.put("seq", seq.stream().map(p -> p.time().median()).toList());
        devices.forEach((id, ps) -> lines.put(id, ps.stream().map(p -> p.time().median()).toList()));
        List<ChartSpec> out = new ArrayList<>();
        out.add(new ChartSpec(ChartSpec.Kind.LINES, "gpu-pays-time", "Seconds per blur by image size (log): "
                + "the device pays where its line drops below seq", "seconds (log)", cats, lines, true));
        devices.forEach((id, ps) -> {
            Map<String, List<Double>> phases = new LinkedHashMap<>();
            for (String ph : List.of("upload", "kernel", "download")) {
                phases.put(ph, ps.stream().map(p -> share(p, ph)).toList());
            }
            out.add(new ChartSpec(ChartSpec.Kind.STACKED, "gpu-pays-phases-" + id, id + ": share of each phase "
                    + "in a run's device time, by size", "percent", cats, phases, false));
        });
        return out;
    }
}
