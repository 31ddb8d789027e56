package io.gpulab.cpu.seq;

import io.gpulab.conformance.BackendConformance;

/** Runs the conformance harness on {@code seq} itself, which proves the harness and the listing path. */
class SeqConformanceTest extends BackendConformance {

    @Override
    protected String backendId() {
        return "seq";
    }
}
