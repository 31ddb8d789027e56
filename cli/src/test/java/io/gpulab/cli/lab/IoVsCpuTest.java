package io.gpulab.cli.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Runs io-vs-cpu at its tiny size: 4 requests of 40 ms, 2000 hashes per string; checks results, not times. */
class IoVsCpuTest {

    @Test
    void everyWayIsVerifiedAndJudged() throws Exception {
        LabResult r = new IoVsCpu().run(LabFixtures.tiny());
        LabFixtures.checkResult(r);
        assertEquals(7, r.steps().size());
        assertEquals("8 of 8 responses were 200 with the right body",
                LabFixtures.step(r, "A: HttpClient.sendAsync").verified());
        assertEquals(2, LabFixtures.step(r, "B: 4 threads").judgments().size());
        assertEquals("8 of 8 digests equal the sequential ones", LabFixtures.step(r, "B: 4 processes").verified());
        // per request: its status and the thread that handled it; the sequential ones all on the calling thread
        LabTable requests = r.tables().get(0);
        assertEquals(16, requests.rows().size());
        String caller = Thread.currentThread().getName();
        assertTrue(requests.rows().stream().filter(x -> x.get(0).equals("sequential"))
                .allMatch(x -> x.get(2).equals("200") && x.get(3).equals(caller)), requests.rows().toString());
        assertTrue(requests.rows().stream().filter(x -> x.get(0).equals("thread per request"))
                .allMatch(x -> x.get(3).startsWith("request-")), requests.rows().toString());
    }

    @Test
    void theHeavyLoopIsTheCoursesOne() {
        // SHA-256("abc") once, the NIST vector, then the digest of that digest
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                CourseCode.heavyHash("abc", 1));
        assertEquals(CourseCode.heavyHash("abc", 2).length(), 64);
        assertTrue(CourseCode.isPrime(2) && CourseCode.isPrime(9_999_991) && !CourseCode.isPrime(1)
                && !CourseCode.isPrime(9_999_999));
        assertEquals(25, CourseCode.countPrimes(0, 100));
    }
}
