package io.gpulab.cli.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Checks the statistics every verdict is computed from. */
class SamplesTest {

    @Test
    void minMedianMaxAndSpread() {
        Samples s = Samples.of(3.0, 1.0, 2.0);
        assertEquals(1.0, s.min());
        assertEquals(2.0, s.median());
        assertEquals(3.0, s.max());
        assertEquals(2.0, s.spread(), 1e-12);
        assertEquals(2.5, Samples.of(4.0, 1.0, 2.0, 3.0).median());
        assertEquals(0.0, Samples.of(5.0).spread());
    }
}
