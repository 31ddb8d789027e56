package io.gpulab.cli.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Runs blur-photos on a tiny batch (4 photos cut to 192x192): every written file is decoded and checked against the
 * seq blur.
 */
class BlurPhotosTest {

    @Test
    void everyWrittenPhotoAgreesWithSeq() throws Exception {
        LabResult r = new BlurPhotos().run(LabFixtures.tiny());
        LabFixtures.checkResult(r);
        for (String name : new String[] {"sequential", "4 threads", "4 processes"}) {
            assertEquals("4 of 4 written files decode to images within 1 level of the seq blur",
                    LabFixtures.step(r, name).verified());
        }
        LabTable phases = r.tables().get(0);
        assertEquals("sequential", phases.rows().get(0).get(0));
        assertTrue(r.lesson().contains("Amdahl"), r.lesson());
    }

    @Test
    void aCountGivesThatManyPhotos() throws Exception {
        LabContext ctx = new LabContext(LabSize.TINY, 1, 3, java.util.List.of(), LabMachine.here(), null);
        LabResult r = new BlurPhotos().run(ctx);
        assertEquals("3 of 3 written files decode to images within 1 level of the seq blur",
                LabFixtures.step(r, "4 processes").verified());
        assertEquals(3, r.steps().size(), "no device backend asked for");
    }
}
