package io.gpulab.gpu.opencl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.Kernel;
import io.gpulab.api.Verdict;
import io.gpulab.conformance.RequireBackend;
import io.gpulab.cpu.seq.SeqBackend;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import io.gpulab.tasks.Tasks;
import org.junit.jupiter.api.Test;

/**
 * Checks every synthetic message length from 0 to 130 bytes, hashed once and twice, against {@code seq}: each byte
 * position of the whole-word message building of the one-block and 64-byte kernels, and the general kernel beside.
 */
class Sha256OpenClLengthsTest {

    @Test
    void everyLengthUpToTwoBlocksMatchesSeq() {
        Backend seq = new SeqBackend();
        try (Backend b = RequireBackend.available("opencl").open(BackendOptions.defaults())) {
            for (int iterations = 1; iterations <= 2; iterations++) {
                for (int len = 0; len <= 130; len++) {
                    Sha256Input in = new Sha256Input.Synthetic(257, len, iterations, 0x0123456789abcdefL + len);
                    Sha256Output expected;
                    try (Kernel<Sha256Input, Sha256Output> k = seq.prepare(Tasks.SHA256, in)) {
                        expected = k.run(in);
                    }
                    Sha256Output actual;
                    try (Kernel<Sha256Input, Sha256Output> k = b.prepare(Tasks.SHA256, in)) {
                        actual = k.run(in);
                    }
                    Verdict v = Tasks.SHA256.compare(expected, actual);
                    assertTrue(v.ok(), "sha256 of 257 x " + len + " bytes x " + iterations + ": " + v.firstMismatch());
                }
            }
        }
    }
}
