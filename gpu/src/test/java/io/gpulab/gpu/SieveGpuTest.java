package io.gpulab.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.cpu.sieve.SievingPrimes;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveShards;
import org.junit.jupiter.api.Test;

/** Checks the sieve's launch planning without a device: the watchdog cap and the shards a run launches. */
class SieveGpuTest {

    private static final int BITS = SieveGpu.WORDS * 32;

    @Test
    void launchesStayShortAtEveryRangeUpTo10To18() {
        assertEquals(SieveGpu.MAX_SEGMENTS_PER_LAUNCH, SieveGpu.launchCap(0));
        assertEquals(SieveGpu.MAX_SEGMENTS_PER_LAUNCH, SieveGpu.launchCap(78_498), "pi(10^6) primes, 10^12 ranges");
        // pi(10^9) = 50,847,534 sieving primes near 10^18
        // the kernel visits the primes past its carried ones in each of a segment's chunks
        int cap = SieveGpu.launchCap(50_847_534);
        assertEquals(10, cap);
        long chunks = SieveGpu.WORDS / SieveGpu.CHUNK_WORDS;
        assertTrue((long) cap * (chunks * 50_847_534L + BITS) <= SieveGpu.PRIME_VISITS_PER_LAUNCH);
        assertTrue((long) (cap + 1) * (chunks * 50_847_534L + BITS) > SieveGpu.PRIME_VISITS_PER_LAUNCH);
        assertEquals(1, SieveGpu.launchCap(Integer.MAX_VALUE));
    }

    @Test
    void shardsFollowTheSegmentsOfTheWholeRange() {
        long[][] ranges = {{0, 100}, {0, 2}, {2, 2}, {1_000_000, 1_000_000 + 10L * BITS * 2 + 7},
            {999_999_999_990L, 1_000_000_500_000L}, {3, 2L * BITS * 3 + 3}};
        for (long[] r : ranges) {
            for (int perLaunch : new int[] {1, 2, 3, 2048}) {
                SieveInput in = SieveInput.count(r[0], r[1]);
                SievePlan whole = SievePlan.of(r[0], r[1], BITS);
                SieveShards shards = SieveGpu.launches(in, whole, perLaunch);
                String what = "[" + r[0] + ", " + r[1] + "] by " + perLaunch;
                assertEquals(Math.max(1, (whole.segments() + perLaunch - 1) / perLaunch), shards.count(), what);
                assertEquals(r[0], shards.from(0), what);
                assertEquals(r[1], shards.to(shards.count() - 1), what);
                long segments = 0;
                for (long i = 0; i < shards.count(); i++) {
                    if (i > 0) {
                        assertEquals(shards.to(i - 1) + 1, shards.from(i), what + " shard " + i);
                    }
                    SievePlan p = SievePlan.of(shards.from(i), shards.to(i), BITS);
                    assertTrue(p.segments() <= perLaunch, what + " shard " + i + " has " + p.segments());
                    if (p.segments() > 0) {
                        assertEquals(whole.segmentBase(segments), p.base(), what + " shard " + i + " base");
                    }
                    segments += p.segments();
                }
                assertEquals(whole.segments(), segments, what);
            }
        }
    }

    @Test
    void sievingPrimesOfTheTableAreTheOddPrimes() {
        SievingPrimeTable table = new SievingPrimeTable();
        assertEquals(24, table.cover(100, p -> { }), "pi(100) - 1 odd primes");
        assertEquals(SievingPrimes.oddUpTo(100).length, table.primes().length);
        assertEquals(3, table.countUpTo(7));
    }
}
