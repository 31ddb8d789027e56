package io.gpulab.cli.auto;

import io.gpulab.api.Availability;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.BackendUnavailableException;
import io.gpulab.api.spi.SelfTest;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Chooses a backend for {@code --backend auto}: loads this machine's calibration from the store, measures what it
 * lacks (a missing, stale or corrupt file, or a task or backend not measured yet), saying so through the notes,
 * stores the result and predicts every available candidate.
 */
public final class Auto {

    /** The backend id a user types to let gpulab choose. */
    public static final String ID = "auto";

    private final CalibrationStore store;
    private final List<BackendProvider> providers;
    private final Consumer<String> notes;
    private String key;

    /** Creates the chooser over these providers, keeping calibrations in the store and reporting to notes. */
    public Auto(CalibrationStore store, List<BackendProvider> providers, Consumer<String> notes) {
        this.store = store;
        this.providers = List.copyOf(providers);
        this.notes = notes;
    }

    /**
     * Returns the providers that run this task and passed their probe, in the registry's order; never {@code spark},
     * whose cluster (seconds to start, or someone else's machines) is for a user to ask for by name.
     */
    public List<BackendProvider> candidates(String task) {
        List<BackendProvider> list = new ArrayList<>();
        for (BackendProvider p : providers) {
            if (p.tasks().contains(task) && !p.id().equals("spark") && available(p)) {
                list.add(p);
            }
        }
        return list;
    }

    /**
     * Chooses the backend predicted fastest for this workload, measuring the calibration first where it lacks it.
     *
     * @throws BackendUnavailableException when no backend that runs the task can run here
     */
    public Choice choose(Workload workload, Plan plan) {
        List<String> ids = candidates(workload.task()).stream().map(BackendProvider::id).toList();
        Calibration c = ensure(List.of(workload.task()));
        return AutoChooser.choose(c, workload, plan, ids).orElseThrow(() -> new BackendUnavailableException(
                "auto: no backend that runs " + workload.task() + " could be measured here"));
    }

    /** Returns the calibration, measuring the tasks it lacks on every candidate and storing the result. */
    public Calibration ensure(List<String> tasks) {
        CalibrationStore.Loaded loaded = store.load(key());
        if (loaded.note() != null) {
            notes.accept("note: " + loaded.note());
        }
        Calibration c = loaded.calibration();
        List<BackendProvider> todo = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String task : tasks) {
            for (BackendProvider p : candidates(task)) {
                if (c == null || c.cost(p.id(), task).isEmpty()) {
                    missing.add(task + " on " + p.id());
                    if (!todo.contains(p)) {
                        todo.add(p);
                    }
                }
            }
            if (c != null && c.warmup(task) == null && missing.isEmpty()) {
                missing.add("the JIT warm-up of " + task);
            }
        }
        if (missing.isEmpty()) {
            return c;
        }
        notes.accept("auto: " + (c == null ? "no calibration for this machine and gpulab version" : "the calibration "
                + "lacks " + String.join(", ", missing)) + "; measuring " + String.join(", ", tasks) + " now "
                + "(gpulab calibrate does it ahead)");
        return measure(c, tasks, todo);
    }

    /** Measures these tasks on these providers (all candidates when null), stores and returns the calibration. */
    public Calibration calibrate(List<String> tasks, List<BackendProvider> which) {
        CalibrationStore.Loaded loaded = store.load(key());
        if (loaded.note() != null) {
            notes.accept("note: " + loaded.note());
        }
        List<BackendProvider> todo = new ArrayList<>();
        for (String task : tasks) {
            for (BackendProvider p : candidates(task)) {
                if ((which == null || which.contains(p)) && !todo.contains(p)) {
                    todo.add(p);
                }
            }
        }
        return measure(loaded.calibration(), tasks, todo);
    }

    /** Returns the file this machine's calibration is stored in. */
    public java.nio.file.Path file() {
        return store.file(key());
    }

    private Calibration measure(Calibration base, List<String> tasks, List<BackendProvider> todo) {
        List<Cost> measured = new ArrayList<>(Calibrator.measure(todo, tasks, notes));
        List<Warmup> jit = new ArrayList<>();
        for (String task : tasks) {
            Cost seq = measured.stream().filter(x -> x.backend().equals("seq") && x.task().equals(task)).findFirst()
                    .orElse(base == null ? null : base.cost("seq", task).orElse(null));
            try {
                jit.add(ColdStart.measure(task, seq));
            } catch (RuntimeException e) {
                notes.accept("auto: measuring the JIT warm-up of " + task + " failed, so auto predicts warm times "
                        + "for its Java backends: " + SelfTest.oneLine(e));
            }
        }
        Calibration c = (base != null ? base : new Calibration(key(), "", List.of(), List.of()))
                .with(measured, jit, Instant.now().toString());
        try {
            store.save(c);
        } catch (IOException | RuntimeException e) {
            notes.accept("note: cannot store the calibration in " + store.file(key()) + " (" + SelfTest.oneLine(e)
                    + "); it will be measured again next time");
        }
        return c;
    }

    private String key() {
        if (key == null) {
            key = MachineKey.of(providers);
        }
        return key;
    }

    private static boolean available(BackendProvider p) {
        try {
            Availability a = p.probe();
            return a.available();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
