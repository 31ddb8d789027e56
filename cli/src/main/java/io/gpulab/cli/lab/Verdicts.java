package io.gpulab.cli.lab;

/**
 * Computes verdicts from measurements, never from fixed text: the speedup of the medians, the range of speedups
 * the repeats allow, and the spread of the repeats decide whether a measurement matches an expectation.
 *
 * <p>The rule: the repeats allow any speedup from {@code base.min / cand.max} to {@code base.max / cand.min}. When
 * that whole range lies inside the expected band the step matches; when it lies wholly outside, it differs. When it
 * straddles an edge, the median decides, unless either side's repeats disagree by more than {@link #BUSY_SPREAD}
 * (max over min minus one): then other work on the machine moved the times more than the band is wide, and the
 * verdict is "inconclusive: machine busy".
 */
public final class Verdicts {

    /** The spread of repeats, (max - min) / min, above which a straddling result is called inconclusive. */
    public static final double BUSY_SPREAD = 0.25;

    private Verdicts() {
    }

    /** Judges the speedup of {@code candidate} over {@code baseline} against the expectation. */
    public static Judgment judge(Expectation e, Samples baseline, Samples candidate) {
        double s = baseline.median() / candidate.median();
        double lo = baseline.min() / candidate.max();
        double hi = baseline.max() / candidate.min();
        return judge(e, s, lo, hi, Math.max(baseline.spread(), candidate.spread()));
    }

    /**
     * Judges a speedup {@code s} that the repeats allow to lie anywhere in {@code [lo, hi]}, with this spread.
     */
    public static Judgment judge(Expectation e, double s, double lo, double hi, double spread) {
        String observed = "observed " + Format.speedup(s) + (hi - lo > 0.005 ? " (repeats allow "
                + Format.speedup(lo) + ".." + Format.speedup(hi) + ")" : "") + ", expected " + e.band();
        if (lo >= e.low() && hi <= e.high()) {
            return new Judgment(e, Judgment.Outcome.MATCHES, s, lo, hi, observed + ": within the band");
        }
        if (hi < e.low() || lo > e.high()) {
            return new Judgment(e, Judgment.Outcome.DIFFERS, s, lo, hi, observed + ": "
                    + (hi < e.low() ? "below" : "above") + " the band on every repeat");
        }
        if (spread > BUSY_SPREAD) {
            return new Judgment(e, Judgment.Outcome.INCONCLUSIVE, s, lo, hi, "inconclusive: machine busy - "
                    + observed + ", but repeats disagree by " + Format.percent(spread) + " (more than "
                    + Format.percent(BUSY_SPREAD) + "), so the range straddles the band's edge");
        }
        boolean inside = s >= e.low() && s <= e.high();
        return new Judgment(e, inside ? Judgment.Outcome.MATCHES : Judgment.Outcome.DIFFERS, s, lo, hi, observed
                + ": the median is " + (inside ? "inside" : s < e.low() ? "below" : "above")
                + " the band (repeats agree within " + Format.percent(spread) + ")");
    }
}
