package io.gpulab.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartsTest {

    @Test
    void errorBarsAreClippedAtZero() {
        // a throughput of 10 whose inverted interval is 4..40 has a symmetric half-width of 18: drawn as is, the bar
        // would reach -8
        Measurement m = new Measurement("box", "sieve", "seq", "small", 100, 80, 25, 250, 5, 1, Map.of(), 0);
        assertEquals(10, m.throughput(), 1e-9);
        double half = m.throughputError();
        assertEquals(18, half, 1e-9);
        List<Double> bars = Charts.zeroNulls(List.of(half, 1.0, 3.0), List.of(m.throughput(), 5.0, 2.0));
        assertEquals(List.of(10.0, 1.0, 2.0), bars);
    }

    @Test
    void missingValuesHaveNoErrorBars() {
        List<Double> bars = Charts.zeroNulls(Arrays.asList(2.0, null, Double.NaN), Arrays.asList(null, 3.0, 4.0));
        assertEquals(List.of(0.0, 0.0, 0.0), bars);
    }
}
