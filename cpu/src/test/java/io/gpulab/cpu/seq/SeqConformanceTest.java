package io.gpulab.cpu.seq;

import io.gpulab.api.Backend;
import io.gpulab.conformance.BackendConformance;

/**
 * Runs the conformance harness on {@code seq} against an independent oracle ({@link OracleBackend}: the JDK's
 * SHA-256, a plain reference sieve, the blur definition in double precision), so that the reference every other
 * backend is checked against is itself checked on every case.
 */
class SeqConformanceTest extends BackendConformance {

    @Override
    protected String backendId() {
        return "seq";
    }

    @Override
    protected Backend openReference() {
        return new OracleBackend();
    }
}
