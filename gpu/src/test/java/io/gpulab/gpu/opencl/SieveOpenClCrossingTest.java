package io.gpulab.gpu.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.InvalidOptionException;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.Kernel;
import io.gpulab.api.Verdict;
import io.gpulab.conformance.ConformanceCase;
import io.gpulab.conformance.ConformanceCases;
import io.gpulab.conformance.RequireBackend;
import io.gpulab.cpu.seq.SeqBackend;
import io.gpulab.gpu.device.DeviceOptions;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveOutput;
import io.gpulab.tasks.Tasks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the sieve conformance cases with each way sieve.cl crosses off its larger primes, whatever the device's
 * default: {@code atomic} (a GPU's) and {@code serial} (a CPU device's), so that PoCL checks the GPU's code too.
 */
class SieveOpenClCrossingTest {

    private static Backend open(String crossing) {
        BackendProvider p = RequireBackend.available("opencl");
        return p.open(new BackendOptions(null, 0, 0, Duration.ofMinutes(1),
                Map.of(DeviceOptions.SIEVE_CROSSING, crossing)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"atomic", "serial"})
    void everySieveCaseMatchesSeq(String crossing) {
        Backend seq = new SeqBackend();
        try (Backend b = open(crossing)) {
            for (ConformanceCase<SieveInput, SieveOutput> c : ConformanceCases.sieve()) {
                SieveOutput expected;
                try (Kernel<SieveInput, SieveOutput> k = seq.prepare(Tasks.SIEVE, c.input())) {
                    expected = k.run(c.input());
                }
                SieveOutput actual;
                try (Kernel<SieveInput, SieveOutput> k = b.prepare(Tasks.SIEVE, c.input())) {
                    actual = k.run(c.input());
                }
                Verdict v = Tasks.SIEVE.compare(expected, actual);
                assertTrue(v.ok(), c + " with sieve.crossing=" + crossing + ": " + v.firstMismatch());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"atomic", "serial"})
    void listsTheSamePrimesAsSeqAcrossChunksAndSegments(String crossing) {
        long from = (1L << 32) - 3_000_000;
        long to = (1L << 32) + 100;
        List<Long> expected = new ArrayList<>();
        List<Long> actual = new ArrayList<>();
        SieveInput ref = new SieveInput(from, to, expected::add);
        SieveInput in = new SieveInput(from, to, actual::add);
        try (Backend b = open(crossing); var k = new SeqBackend().prepare(Tasks.SIEVE, ref);
                var g = b.prepare(Tasks.SIEVE, in)) {
            assertEquals(k.run(ref).count(), g.run(in).count());
        }
        assertEquals(expected, actual);
    }

    @Test
    void rejectsAnUnknownCrossing() {
        InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> open("bogus"));
        assertTrue(e.getMessage().contains("sieve.crossing must be atomic or serial: bogus"), e.getMessage());
    }
}
