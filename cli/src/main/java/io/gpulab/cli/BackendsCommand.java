package io.gpulab.cli;

import io.gpulab.api.Availability;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.Backends;
import io.gpulab.api.DeviceInfo;
import io.gpulab.api.spi.SelfTest;
import io.gpulab.cli.auto.Auto;
import io.gpulab.cli.auto.CalibrationStore;
import io.gpulab.cli.auto.Choice;
import io.gpulab.cli.auto.Plan;
import io.gpulab.cli.auto.Workload;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs {@code gpulab backends}: every backend found, whether it can run here and why not, and its devices. */
@Command(name = "backends", mixinStandardHelpOptions = true,
        description = {"Lists every backend, whether it passed its probe and self-test here (with the reason when "
                + "not), and its devices.", "With --explain TASK: what --backend auto predicts for each backend "
                + "for that input, without running it."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {ExitCode.L0, ExitCode.L2, ExitCode.L3, ExitCode.L6})
final class BackendsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON object on stdout.")
    boolean json;

    @Mixin
    ExplainOptions explain;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (explain.task != null) {
            return explain();
        }
        spec.commandLine().getParseResult().matchedOptions().stream().map(o -> o.longestName())
                .filter(n -> !n.equals("--json") && !n.equals("--debug")).findFirst().ifPresent(n -> {
                    throw CliException.usage(n + " describes an input for --explain TASK, which is missing");
                });
        List<Map<String, Object>> list = new ArrayList<>();
        for (BackendProvider p : AbsentBackends.withAbsent()) {
            list.add(describe(p));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(Map.of("backends", list)));
        } else {
            printTable(out, list);
        }
        return ExitCode.OK;
    }

    /** Prints what {@code --backend auto} predicts for the input of the explain options, measuring what it lacks. */
    private int explain() {
        Workload w = explain.workload();
        Plan plan = explain.plan();
        PrintWriter err = spec.commandLine().getErr();
        Choice c = new Auto(CalibrationStore.user(), Backends.all(), err::println).choose(w, plan);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(c.toJson()));
            return ExitCode.OK;
        }
        out.println(c.line());
        out.println();
        TextTable t = new TextTable(List.of("BACKEND", "PREDICTED", "SETUP", "PER RUN", "DEVICE"), 1, 2, 3);
        for (Choice.Prediction p : c.predictions()) {
            t.add(List.of(p.backend(), Units.seconds(p.seconds()), Units.seconds(p.setupSeconds()),
                    Units.seconds(p.runSeconds()), p.device()));
        }
        out.print(t.text());
        return ExitCode.OK;
    }

    /** Probes the provider and returns its description; a probe that throws is reported as unavailable. */
    static Map<String, Object> describe(BackendProvider p) {
        Availability a;
        try {
            a = p.probe();
        } catch (RuntimeException | LinkageError e) {
            // a provider must turn failures into a reason itself; one that does not still gets listed
            a = Availability.unavailable("probe failed: " + SelfTest.oneLine(e));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("available", a.available());
        m.put("reason", a.reason());
        m.put("tasks", List.copyOf(new TreeSet<>(p.tasks())));
        List<Map<String, Object>> devices = new ArrayList<>();
        for (DeviceInfo d : a.devices()) {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("id", d.id());
            dm.put("name", d.name());
            dm.put("properties", d.properties());
            devices.add(dm);
        }
        m.put("devices", devices);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static void printTable(PrintWriter out, List<Map<String, Object>> list) {
        TextTable t = new TextTable(List.of("BACKEND", "AVAILABLE", "TASKS", "DEVICE / REASON"));
        for (Map<String, Object> b : list) {
            List<Map<String, Object>> devices = (List<Map<String, Object>>) b.get("devices");
            boolean ok = (Boolean) b.get("available");
            String tasks = String.join(",", (List<String>) b.get("tasks"));
            String first = ok ? (devices.isEmpty() ? "" : devices.get(0).get("id") + "  " + devices.get(0).get("name"))
                    : (String) b.get("reason");
            t.add(List.of((String) b.get("id"), ok ? "yes" : "no", tasks, first));
            for (int i = ok ? 1 : 0; i < devices.size(); i++) {
                t.add(List.of("", "", "", devices.get(i).get("id") + "  " + devices.get(i).get("name")));
            }
        }
        out.print(t.text());
        for (Map<String, Object> b : list) {
            for (Map<String, Object> d : (List<Map<String, Object>>) b.get("devices")) {
                Map<String, String> props = (Map<String, String>) d.get("properties");
                if (!props.isEmpty()) {
                    out.println();
                    out.println(d.get("id") + " (" + d.get("name") + "):");
                    props.forEach((k, v) -> out.println("    " + k + ": " + v));
                }
            }
        }
    }
}
