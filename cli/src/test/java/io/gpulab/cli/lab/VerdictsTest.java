package io.gpulab.cli.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Checks the verdict logic on crafted measurements: no timing happens here. */
class VerdictsTest {

    private static final Expectation EIGHT = Expectation.around("course", 8, 0.25, "about 8x");

    @Test
    void aSpeedupInsideTheBandOnEveryRepeatMatches() {
        Judgment j = Verdicts.judge(EIGHT, Samples.of(2.40, 2.41, 2.42), Samples.of(0.30, 0.31, 0.32));
        assertEquals(Judgment.Outcome.MATCHES, j.outcome(), j.reason());
        assertEquals(2.41 / 0.31, j.speedup(), 1e-9);
        assertTrue(j.reason().contains("7.77x"), j.reason());
    }

    @Test
    void aSpeedupOutsideTheBandOnEveryRepeatDiffers() {
        // threads in CPython: no faster than sequential
        Judgment j = Verdicts.judge(EIGHT, Samples.of(2.40, 2.42), Samples.of(2.30, 2.45));
        assertEquals(Judgment.Outcome.DIFFERS, j.outcome(), j.reason());
        assertTrue(j.reason().contains("below the band on every repeat"), j.reason());
        Judgment above = Verdicts.judge(Expectation.around("course", 1, 0.25, "threads = sequential"),
                Samples.of(2.0, 2.0), Samples.of(1.0, 1.02));
        assertEquals(Judgment.Outcome.DIFFERS, above.outcome(), above.reason());
        assertTrue(above.reason().contains("above"), above.reason());
    }

    @Test
    void repeatsThatDisagreeWidelyAcrossTheEdgeAreInconclusive() {
        // the median says 8x, but one repeat of each side was slowed down by other users' work
        Judgment j = Verdicts.judge(EIGHT, Samples.of(2.4, 4.0, 2.5), Samples.of(0.3, 0.6, 0.31));
        assertEquals(Judgment.Outcome.INCONCLUSIVE, j.outcome(), j.reason());
        assertTrue(j.reason().startsWith("inconclusive: machine busy"), j.reason());
    }

    @Test
    void aSmallSpreadAcrossTheEdgeIsDecidedByTheMedian() {
        // range 5.77x..6.43x straddles the lower edge 6x, spread under 25%: the median 6.1x decides
        Judgment in = Verdicts.judge(EIGHT, Samples.of(3.00, 3.05, 3.15), Samples.of(0.49, 0.50, 0.52));
        assertEquals(Judgment.Outcome.MATCHES, in.outcome(), in.reason());
        assertTrue(in.low() < 6 && in.high() > 6, in.toString());
        Judgment out = Verdicts.judge(EIGHT, Samples.of(2.85, 2.90, 3.00), Samples.of(0.49, 0.50, 0.52));
        assertEquals(Judgment.Outcome.DIFFERS, out.outcome(), out.reason());
        assertTrue(out.reason().contains("the median is below"), out.reason());
    }

    @Test
    void openBandsJudgeOnlyTheirOneEdge() {
        Expectation atMost = Expectation.atMost("course (Amdahl)", 1.3, "only the blur moves");
        assertEquals(Judgment.Outcome.MATCHES, Verdicts.judge(atMost, Samples.of(1.0), Samples.of(0.9)).outcome());
        assertEquals(Judgment.Outcome.DIFFERS, Verdicts.judge(atMost, Samples.of(1.0), Samples.of(0.5)).outcome());
        Expectation atLeast = Expectation.atLeast("course", 1, "a GPU wins");
        assertEquals(Judgment.Outcome.MATCHES, Verdicts.judge(atLeast, Samples.of(1.0), Samples.of(0.1)).outcome());
        assertEquals(">= 1.00x", atLeast.band());
        assertEquals("<= 1.30x", atMost.band());
    }

    @Test
    void badExpectationsAndSamplesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Expectation("x", 2, 1, "upside down"));
        assertThrows(IllegalArgumentException.class, () -> Samples.of());
        assertThrows(IllegalArgumentException.class, () -> Samples.of(1.0, 0.0));
    }
}
