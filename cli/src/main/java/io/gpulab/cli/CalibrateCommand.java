package io.gpulab.cli;

import io.gpulab.api.BackendProvider;
import io.gpulab.api.Backends;
import io.gpulab.api.Task;
import io.gpulab.cli.auto.Auto;
import io.gpulab.cli.auto.Calibration;
import io.gpulab.cli.auto.CalibrationStore;
import io.gpulab.cli.auto.Cost;
import io.gpulab.tasks.Tasks;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs {@code gpulab calibrate}: measures the cost model {@code --backend auto} chooses by, and stores it. */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures, for each task on each backend that runs here, the cost model --backend auto "
                + "chooses by: open and prepare seconds, seconds per run, seconds per unit and, for device backends, "
                + "the link's bandwidth, and the JIT warm-up of a fresh JVM (in child JVMs). Stores it in the user's "
                + "cache folder (GPULAB_CACHE_DIR, else $XDG_CACHE_HOME/gpulab, else ~/.cache/gpulab), keyed by gpulab "
                + "version, CPU, devices and drivers.",
            "About 35 to 45 seconds on two busy cores; auto measures what is missing on first use."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {ExitCode.L0, ExitCode.L2, ExitCode.L3, ExitCode.L6})
final class CalibrateCommand implements Callable<Integer> {

    @Option(names = "--tasks", paramLabel = "IDS", split = ",", defaultValue = "all",
            description = "Comma-separated tasks to measure: blur, sha256, sieve, or all (default: ${DEFAULT-VALUE}).")
    List<String> taskIds;

    @Option(names = "--backends", paramLabel = "IDS", split = ",", defaultValue = "all",
            description = "Comma-separated backends to measure, or all that run here (default: ${DEFAULT-VALUE}).")
    List<String> backendIds;

    @Option(names = "--json", description = "Print the stored calibration as one JSON object on stdout.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String> tasks = tasks();
        List<BackendProvider> all = Backends.all();
        List<BackendProvider> which = null;
        if (!(backendIds.size() == 1 && backendIds.get(0).equals("all"))) {
            which = new ArrayList<>();
            for (String id : backendIds) {
                which.add(all.stream().filter(p -> p.id().equals(id.strip())).findFirst()
                        .orElseThrow(() -> new CliException(ExitCode.UNAVAILABLE, "unknown backend '" + id
                                + "' in --backends; known: " + String.join(", ",
                                all.stream().map(BackendProvider::id).toList()))));
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        Auto auto = new Auto(CalibrationStore.user(), all, err::println);
        long t0 = System.nanoTime();
        err.println("calibrate: measuring " + String.join(", ", tasks) + " ...");
        err.flush();
        Calibration c = auto.calibrate(tasks, which);
        double took = (System.nanoTime() - t0) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(json(c)));
        } else {
            TextTable t = new TextTable(List.of("TASK", "BACKEND", "OPEN", "PREPARE", "PER RUN", "PER UNIT",
                    "LINK"), 2, 3, 4, 5, 6);
            for (Cost cost : c.costs()) {
                if (tasks.contains(cost.task()) && (which == null
                        || which.stream().anyMatch(p -> p.id().equals(cost.backend())))) {
                    t.add(List.of(cost.task(), cost.backend(), Units.seconds(cost.openSeconds()),
                            Units.seconds(cost.prepareSeconds()), Units.seconds(cost.runSeconds()),
                            String.format(Locale.ROOT, "%.3g ns/%s", cost.secondsPerUnit() * 1e9, unit(cost.task())),
                            cost.bytesPerSecond() > 0 ? Units.rate(cost.bytesPerSecond(), "B") : "-"));
                }
            }
            out.print(t.text());
        }
        err.println(String.format(Locale.ROOT, "calibrate: stored in %s (%.1f s)", auto.file(), took));
        return ExitCode.OK;
    }

    private List<String> tasks() {
        if (taskIds.size() == 1 && taskIds.get(0).equals("all")) {
            return Tasks.all().stream().map(Task::id).toList();
        }
        List<String> list = new ArrayList<>();
        for (String id : taskIds) {
            String t = id.strip();
            if (Tasks.find(t).isEmpty()) {
                throw CliException.usage("unknown task '" + t + "' in --tasks; known: blur, sha256, sieve, all");
            }
            if (!list.contains(t)) {
                list.add(t);
            }
        }
        return list;
    }

    /** Returns the name of the model's cost unit of a task: numbers, SHA-256 blocks, sample-taps. */
    static String unit(String task) {
        return switch (task) {
            case "sha256" -> "block";
            case "blur" -> "sample-tap";
            default -> "number";
        };
    }

    private static Map<String, Object> json(Calibration c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", c.key());
        m.put("created", c.created());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Cost cost : c.costs()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("task", cost.task());
            o.put("backend", cost.backend());
            o.put("device", cost.device());
            o.put("openSeconds", cost.openSeconds());
            o.put("prepareSeconds", cost.prepareSeconds());
            o.put("runSeconds", cost.runSeconds());
            o.put("secondsPerUnit", cost.secondsPerUnit());
            o.put("bytesPerSecond", cost.bytesPerSecond());
            list.add(o);
        }
        m.put("costs", list);
        return m;
    }
}
