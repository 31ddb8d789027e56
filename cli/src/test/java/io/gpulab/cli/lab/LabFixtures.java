package io.gpulab.cli.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

/** Builds tiny lab contexts and crafted results, and checks the invariants every experiment's result must keep. */
final class LabFixtures {

    private LabFixtures() {
    }

    /** Returns a context for a tiny run with two repeats, every device backend, no progress output. */
    static LabContext tiny() {
        return new LabContext(LabSize.TINY, 2, null, null, LabMachine.here(), null);
    }

    /**
     * Checks what every result must hold: every step verified, every measured non-baseline step judged with a
     * computed verdict that names its numbers, and charts whose series fit their categories.
     */
    static void checkResult(LabResult r) {
        assertFalse(r.steps().isEmpty(), r.id() + " has no steps");
        for (Step s : r.steps()) {
            assertTrue(s.ok(), r.id() + " / " + s.name() + " failed its check: " + s.verified());
            assertFalse(s.expected().isBlank(), s.name() + " has no expectation");
            if (s.time() == null) {
                assertTrue(s.observed().startsWith("not run: "), s.name() + ": " + s.observed());
                continue;
            }
            assertFalse(s.why().isBlank(), s.name() + " has no why");
            for (Judgment j : s.judgments()) {
                assertEquals(s.speedup(), j.speedup(), 1e-9, s.name());
                assertTrue(j.reason().contains(Format.speedup(j.speedup())), j.reason());
            }
        }
        for (ChartSpec c : r.charts()) {
            for (Map.Entry<String, List<Double>> e : c.series().entrySet()) {
                assertEquals(c.categories().size(), e.getValue().size(), c.name() + " / " + e.getKey());
            }
            assertTrue(SheetCharts.draw(c).png().length > 1000, c.name() + " drew no picture");
        }
        assertNotNull(r.lesson());
    }

    /** Returns the step with this name. */
    static Step step(LabResult r, String name) {
        return r.steps().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no step '" + name + "' in " + r.steps().stream()
                        .map(Step::name).toList()));
    }

    /** Returns a result with crafted measurements: one step that matches, one that differs, a table and charts. */
    static LabResult crafted() {
        Samples base = Samples.of(2.40, 2.41, 2.42);
        Samples fast = Samples.of(0.30, 0.31, 0.32);
        Samples slow = Samples.of(2.30, 2.35, 2.45);
        Expectation e = Expectation.around("course", 8, 0.25, "about 8x");
        List<Step> steps = List.of(
                Steps.baseline("sequential", "one after the other", base, "one thread waits 8 times", "8 of 8", true),
                Steps.judged("threads", base, fast, List.of(e), js -> "waits overlap", "8 of 8", true),
                Steps.judged("GIL threads", base, slow, List.of(e), js -> "one at a time", "8 of 8", true));
        List<String> cats = List.of("sequential", "threads", "GIL threads");
        ChartSpec bars = new ChartSpec(ChartSpec.Kind.BARS, "crafted-time", "Crafted: seconds per way", "seconds",
                cats, Map.of("median", List.of(2.41, 0.31, 2.35)), false);
        ChartSpec stacked = new ChartSpec(ChartSpec.Kind.STACKED, "crafted-phases", "Crafted: phases", "seconds",
                cats, new java.util.LinkedHashMap<>(Map.of("decode", List.of(1.0, 0.1, 1.0), "blur",
                List.of(1.4, 0.2, 1.35))), false);
        ChartSpec lines = new ChartSpec(ChartSpec.Kind.LINES, "crafted-sizes", "Crafted: time by size", "seconds",
                List.of("64^2", "128^2", "256^2"), Map.of("seq", List.of(1e-4, 4e-4, 1.6e-3), "opencl",
                List.of(1e-3, 1.2e-3, 1.5e-3)), true);
        return new LabResult("crafted", "A crafted experiment", "Does the sheet show it?", "crafted numbers", steps,
                List.of(new LabTable("Crafted table", List.of("a", "b"), List.of(List.of("1", "<2>")))),
                List.of(bars, stacked, lines), "crafted lesson");
    }
}
