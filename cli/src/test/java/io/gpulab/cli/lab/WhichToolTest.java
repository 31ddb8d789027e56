package io.gpulab.cli.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the eight situations, their links to experiments, and the quoting of measured evidence. */
class WhichToolTest {

    @Test
    void eightSituationsEachLinkedToAnExperiment() {
        LabResult r = new WhichTool().run(LabFixtures.tiny());
        LabTable t = r.tables().get(0);
        assertEquals(8, t.rows().size());
        for (List<String> row : t.rows()) {
            assertTrue(Experiments.find(row.get(4)).isPresent(), row.toString());
            assertTrue(row.get(5).startsWith("run 'gpulab lab "), row.toString());
        }
    }

    @Test
    void quotesTheSpeedupOfAnExperimentRunEarlier() {
        LabContext ctx = LabFixtures.tiny();
        LabResult io = new LabResult("io-vs-cpu", "t", "q", "s", LabFixtures.crafted().steps().stream()
                .map(s -> new Step(s.name().equals("threads") ? "A: thread per request" : s.name(), s.expected(),
                        s.observed(), s.why(), s.time(), s.speedup(), s.judgments(), s.verified(), s.ok())).toList(),
                List.of(), List.of(), "l");
        ctx.record(io);
        LabTable t = new WhichTool().run(ctx).tables().get(0);
        assertEquals("A: thread per request: 7.77x over sequential", t.rows().get(0).get(5));
    }
}
