package io.gpulab.cli.auto;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Predicts each candidate backend's time for one input from a calibration, and picks the fastest. */
public final class AutoChooser {

    private AutoChooser() {
    }

    /**
     * Returns the choice among these candidates; a candidate the calibration does not cover is left out.
     *
     * @param calibration the measured cost models
     * @param workload the input
     * @param plan the runs the command makes and the time it minimizes
     * @param candidates backend ids, in the order ties are broken
     * @return the choice, or empty when no candidate is calibrated for the task
     */
    public static Optional<Choice> choose(Calibration calibration, Workload workload, Plan plan,
            List<String> candidates) {
        Warmup jit = calibration.warmup(workload.task());
        List<Choice.Prediction> list = new ArrayList<>();
        for (String id : candidates) {
            calibration.cost(id, workload.task()).ifPresent(c -> {
                long[] routed = c.routed(workload);
                list.add(new Choice.Prediction(id, c.device(), c.predict(workload, plan, jit), c.setupTime(workload),
                        c.runTime(workload), routed[0], routed[1]));
            });
        }
        if (list.isEmpty()) {
            return Optional.empty();
        }
        // stable: equal predictions keep the candidates' order (seq first, the cheapest to open)
        list.sort(Comparator.comparingDouble(Choice.Prediction::seconds));
        return Optional.of(new Choice(workload, plan, list));
    }
}
