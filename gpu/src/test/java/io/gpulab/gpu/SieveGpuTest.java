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
        long visits = SieveGpu.PRIME_VISITS_PER_LAUNCH;
        long chunks = SieveGpu.CHUNKS;
        assertEquals(SieveGpu.MAX_SEGMENTS_PER_LAUNCH, SieveGpu.launchCap(0, 0, 0));
        // near 10^18: pi(10^9) - 1 = 50,847,533 odd sieving primes, of which 12,250 lie below the chunk span 2^17
        // (4,113 of them carried): the rest are bucketed, visited once per launch by the fill
        long perChunk = 12_250 - SieveGpu.CARRIED;
        long bucketed = 50_847_533L - 12_250;
        double expected = SieveGpu.expectedHits(131_101, 1_000_000_000L); // the first prime above 2^17
        assertEquals(74_000, expected, 100, "bucket entries expected per chunk near 10^18");
        long cap = SieveGpu.capFor(expected);
        int segments = SieveGpu.launchCap(perChunk, bucketed, cap);
        assertEquals(SieveGpu.MAX_SEGMENTS_PER_LAUNCH, segments, "256 segments per launch where 10 were before");
        assertTrue(bucketed + segments * (chunks * (perChunk + 2 * cap) + BITS) <= visits);
        // without buckets (one segment's buckets over the per-buffer budget) every prime is visited per chunk
        int unbucketed = SieveGpu.launchCap(50_847_534, 0, 0);
        assertEquals(10, unbucketed);
        assertTrue(unbucketed * (chunks * 50_847_534L + BITS) <= visits);
        assertTrue((unbucketed + 1) * (chunks * 50_847_534L + BITS) > visits);
        assertEquals(1, SieveGpu.launchCap(Integer.MAX_VALUE, 0, 0));
        assertEquals(1, SieveGpu.launchCap(0, visits, 0), "a fill alone over the budget still gets one segment");
    }

    @Test
    void expectedBucketEntriesFollowTheSumOfReciprocalPrimes() {
        // at 10^12 the bucketed primes are those in (2^17, 10^6]; a chunk of 2^17 odd numbers meets each p with
        // probability 1/p
        double exact = 0;
        for (int p : SievingPrimes.oddUpTo(1_000_000)) {
            if (p > SieveGpu.CHUNK_BITS) {
                exact += (double) SieveGpu.CHUNK_BITS / p;
            }
        }
        double expected = SieveGpu.expectedHits(131_101, 1_000_000);
        assertEquals(exact, expected, exact * 0.005, "Mertens within 0.5%");
        assertTrue(SieveGpu.capFor(expected) > expected + 6 * Math.sqrt(expected), "the cap has a margin");
        assertEquals(0, SieveGpu.expectedHits(131_101, 131_000), "no bucketed primes below the chunk span");
    }

    @Test
    void aCpuDevicesFillTakesFewerGroupsWhereEachBucketedPrimeHasFewEntries() {
        // near 10^12: 66,247 bucketed primes, 20,800 entries per chunk, 256 segments: about 640 per prime
        SieveGpu.Tiers t12 = new SieveGpu.Tiers(78_497, 12_250, 23_067, 20_800);
        assertEquals(8, SieveGpu.cpuFillGroups(256, t12));
        assertEquals(2, SieveGpu.cpuFillGroups(3, t12), "3 segments: under 8 entries per prime, the least 2 groups");
        assertEquals(1, SieveGpu.cpuFillGroups(1, t12), "never more groups than segments");
        // near 10^18: 50.8 M bucketed primes, 74,000 entries per chunk: about 3 per prime and launch
        SieveGpu.Tiers t18 = new SieveGpu.Tiers(50_847_533, 12_250, 79_600, 74_000);
        assertEquals(2, SieveGpu.cpuFillGroups(256, t18));
        assertEquals(1, SieveGpu.cpuFillGroups(1, t18));
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
