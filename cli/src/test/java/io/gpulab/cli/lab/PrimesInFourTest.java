package io.gpulab.cli.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Runs primes-in-4 at its tiny size (the primes below 10^5) and checks every count against 9592. */
class PrimesInFourTest {

    @Test
    void everyWayCountsTheKnownTotal() throws Exception {
        LabResult r = new PrimesInFour().run(LabFixtures.tiny());
        LabFixtures.checkResult(r);
        for (String name : new String[] {"trial division: sequential", "trial division: 4 threads",
            "trial division: 4 processes", "sieve: seq backend"}) {
            assertTrue(LabFixtures.step(r, name).verified().startsWith("total 9592 vs the known 9592 on 2 of 2"),
                    LabFixtures.step(r, name).verified());
        }
        LabTable ranges = r.tables().get(0);
        assertEquals(4, ranges.rows().size());
        assertEquals(9592, ranges.rows().stream().mapToLong(x -> Long.parseLong(x.get(1))).sum());
        assertEquals("2762", ranges.rows().get(0).get(1)); // pi(24999)
        assertTrue(r.steps().stream().anyMatch(s -> s.name().startsWith("sieve: opencl")), "device step listed");
    }
}
