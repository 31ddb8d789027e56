package io.gpulab.cli.auto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Checks how the run series of the fresh JVMs become a warm-up, with and without a warm time measured apart. */
class ColdStartTest {

    @Test
    void theExcessIsCountedAgainstTheWarmTimeMeasuredInProcess() {
        // a series that never warms up within its budget: only the in-process warm time shows its excess
        Warmup w = ColdStart.fromRuns("blur", new double[] {0.50, 0.20, 0.10, 0.12}, 1e6, 0.001,
                new double[] {2.0, 0.05, 0.04}, 1e8, 0.04);
        assertArrayEquals(new double[] {0.499, 0.199, 0.099, 0.119}, w.smallExcess(), 1e-12);
        assertEquals(1.96, w.largeExcess(), 1e-12);
    }

    @Test
    void withoutAWarmTimeTheFastestLaterRunStandsIn() {
        Warmup w = ColdStart.fromRuns("sieve", new double[] {0.030, 0.004, 0.001, 0.002}, 1e6, Double.NaN,
                new double[] {0.3, 0.1, 0.12}, 2e8, Double.NaN);
        assertArrayEquals(new double[] {0.029, 0.003, 0, 0.001}, w.smallExcess(), 1e-12);
        assertEquals(0.2, w.largeExcess(), 1e-12);
    }

    @Test
    void aSeriesOfOneRunIsRefused() {
        assertThrows(IllegalStateException.class, () -> ColdStart.fromRuns("sieve", new double[] {0.1}, 1e6,
                Double.NaN, new double[] {0.3, 0.1}, 2e8, Double.NaN));
    }
}
