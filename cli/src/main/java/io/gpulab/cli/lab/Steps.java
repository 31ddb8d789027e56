package io.gpulab.cli.lab;

import java.util.List;
import java.util.function.Function;

/** Builds the steps of an experiment from measurements, so that every sheet words them the same way. */
final class Steps {

    private Steps() {
    }

    /** Returns the baseline step: its time, no speedup, no verdict. */
    static Step baseline(String name, String expected, Samples time, String why, String verified, boolean ok) {
        return new Step(name, expected, time.describe(), why, time, 1.0, List.of(), verified, ok);
    }

    /**
     * Returns a step judged against each expectation, with the why chosen from its verdicts.
     *
     * @param why picks the explanation from the judgments (in the order of {@code expectations})
     */
    static Step judged(String name, Samples baseline, Samples time, List<Expectation> expectations,
            Function<List<Judgment>, String> why, String verified, boolean ok) {
        List<Judgment> js = expectations.stream().map(e -> Verdicts.judge(e, baseline, time)).toList();
        double s = baseline.median() / time.median();
        String expected = String.join("; ", expectations.stream().map(e -> e.source() + ": " + e.text()).toList());
        return new Step(name, expected, time.describe() + ", speedup " + Format.speedup(s), why.apply(js), time, s,
                js, verified, ok);
    }

    /** Returns true when the judgment says the measurement agrees with its expectation. */
    static boolean matches(Judgment j) {
        return j.outcome() == Judgment.Outcome.MATCHES;
    }

    /** Returns true when the machine was too busy to judge. */
    static boolean busy(Judgment j) {
        return j.outcome() == Judgment.Outcome.INCONCLUSIVE;
    }
}
