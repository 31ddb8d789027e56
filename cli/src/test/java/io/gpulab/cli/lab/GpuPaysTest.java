package io.gpulab.cli.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs gpu-pays at its tiny sizes and checks the crossover rule on crafted points. */
class GpuPaysTest {

    @Test
    void everySizeAgreesWithSeq() throws Exception {
        LabResult r = new GpuPays().run(LabFixtures.tiny());
        LabFixtures.checkResult(r);
        assertEquals(3, r.tables().get(0).rows().size());
        r.steps().stream().filter(s -> s.time() != null && !s.name().startsWith("seq"))
                .forEach(s -> assertEquals("3 of 3 sizes agree with seq within 1 level (every repeat)", s.verified()));
    }

    @Test
    void theCrossoverIsWhereTheDeviceStaysFaster() {
        List<GpuPays.Point> seq = points(1, 2, 4, 8);
        assertEquals(2, GpuPaysSheet.crossover(seq, points(5, 3, 3, 4)));
        assertEquals(0, GpuPaysSheet.crossover(seq, points(0.5, 1, 2, 4)));
        // faster at the second size only, slower again later: no crossover
        assertNull(GpuPaysSheet.crossover(seq, points(5, 1, 5, 9)));
    }

    private static List<GpuPays.Point> points(double... medians) {
        return java.util.Arrays.stream(medians).mapToObj(m -> new GpuPays.Point(Samples.of(m), Map.of(), true))
                .toList();
    }
}
