package io.gpulab.gpu.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gpulab.api.BackendException;
import org.junit.jupiter.api.Test;

/** Checks the launch-argument check both runtimes run before every launch. */
class KernelSpecTest {

    private static final KernelSpec SPEC = new KernelSpec("sieve", "k", "lpif");

    @Test
    void argumentsOfTheSignatureTypesPass() {
        SPEC.check(5L, new DeviceBuffer.Slice(null, 0), 3, 1.5f);
        assertEquals("sieve.cl", SPEC.source());
        assertEquals(8, SPEC.argumentBytes(1));
        assertEquals(4, SPEC.argumentBytes(3));
    }

    @Test
    void aWrongTypeOrCountNamesTheKernelAndBothSignatures() {
        BackendException e = assertThrows(BackendException.class, () -> SPEC.check(5, null, 3, 1.5f));
        assertEquals("kernel k takes (lpif) but the host passed (i?if)", e.getMessage());
        assertThrows(BackendException.class, () -> SPEC.check(5L, new DeviceBuffer.Slice(null, 0), 3));
    }
}
