package io.gpulab.cli.auto;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code auto} chose for one input and why: every candidate's predicted seconds, fastest first.
 *
 * @param workload the input
 * @param plan the runs the command makes and the time predicted
 * @param predictions the candidates, fastest first; the first is the choice
 */
public record Choice(Workload workload, Plan plan, List<Prediction> predictions) {

    /**
     * One candidate's prediction.
     *
     * @param backend the backend id
     * @param device the device it was calibrated on
     * @param seconds the predicted seconds the plan minimizes: the command's setup, runs and JIT warm-up, or the
     *     median timed run
     * @param setupSeconds the setup paid once: open, and a prepare per batch
     * @param runSeconds the predicted seconds of one warm run of one batch
     * @param routedFiles the files a run on this backend would route to the host ({@link HostRouting}), every batch
     *     counted once
     * @param routedBytes the bytes of those files
     */
    public record Prediction(String backend, String device, double seconds, double setupSeconds,
            double runSeconds, long routedFiles, long routedBytes) {

        /** Creates a prediction that routes nothing. */
        public Prediction(String backend, String device, double seconds, double setupSeconds, double runSeconds) {
            this(backend, device, seconds, setupSeconds, runSeconds, 0, 0);
        }
    }

    /** Copies the list, which must not be empty. */
    public Choice {
        if (predictions.isEmpty()) {
            throw new IllegalArgumentException("a choice needs at least one candidate");
        }
        predictions = List.copyOf(predictions);
    }

    /** Returns the backend chosen: the one predicted fastest. */
    public String chosen() {
        return predictions.get(0).backend();
    }

    /**
     * Returns the one line printed on stderr, such as {@code auto: chose forkjoin for sieve [0, 10^9]: predicted
     * 0.19 s; process 0.21 s, opencl 4.9 s, seq 0.30 s (setup + 4 runs each)}, then for each backend that would
     * route files to the host, such as {@code ; opencl routes 1 file (3145728 B) to the host CPU}.
     */
    public String line() {
        StringBuilder sb = new StringBuilder("auto: chose ").append(chosen()).append(" for ")
                .append(workload.task()).append(' ').append(workload.description()).append(": predicted ")
                .append(seconds(predictions.get(0).seconds()));
        for (int i = 1; i < predictions.size(); i++) {
            sb.append(i == 1 ? "; " : ", ").append(predictions.get(i).backend()).append(' ')
                    .append(seconds(predictions.get(i).seconds()));
        }
        if (plan.medianRun()) {
            sb.append(" (median timed run after ").append(plan.warmup()).append(" warm-up)");
        } else {
            int runs = plan.runsPerBatch();
            sb.append(" (setup + ").append(runs).append(runs == 1 ? " run" : " runs");
            if (workload.batches() > 1) {
                sb.append(" of each of ").append(workload.batches()).append(" batches");
            }
            sb.append(predictions.size() > 1 ? " each)" : ")");
        }
        for (Prediction p : predictions) {
            if (p.routedFiles() > 0) {
                sb.append("; ").append(p.backend()).append(" routes ").append(p.routedFiles())
                        .append(p.routedFiles() == 1 ? " file (" : " files (").append(p.routedBytes())
                        .append(" B) to the host CPU");
            }
        }
        return sb.toString();
    }

    /** Returns the choice as a JSON-ready map: chosen, runs, batches and every prediction. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chosen", chosen());
        m.put("task", workload.task());
        m.put("input", workload.description());
        m.put("predicts", plan.medianRun() ? "median timed run" : "whole command");
        m.put("warmup", plan.warmup());
        m.put("repeat", plan.repeat());
        m.put("batches", workload.batches());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Prediction p : predictions) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("backend", p.backend());
            o.put("device", p.device());
            o.put("predictedSeconds", p.seconds());
            o.put("setupSeconds", p.setupSeconds());
            o.put("runSeconds", p.runSeconds());
            o.put("routedFiles", p.routedFiles());
            o.put("routedBytes", p.routedBytes());
            list.add(o);
        }
        m.put("predictions", list);
        return m;
    }

    /** Writes seconds with three significant digits in s, ms or us. */
    public static String seconds(double s) {
        if (s >= 1) {
            return String.format(Locale.ROOT, "%.3g s", s);
        }
        if (s >= 1e-3) {
            return String.format(Locale.ROOT, "%.3g ms", s * 1e3);
        }
        return String.format(Locale.ROOT, "%.3g us", s * 1e6);
    }
}
