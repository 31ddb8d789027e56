package io.gpulab.cpu.process;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.BackendOptions;
import io.gpulab.api.Verdict;
import io.gpulab.cpu.seq.Sha256Seq;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import io.gpulab.tasks.Tasks;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Checks that a synthetic batch hashed window by window on worker JVMs, with windows far smaller than the batch,
 * gives the combined digest of {@code seq}. The timeout only guards against a hang.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Sha256ProcessWindowTest {

    @Test
    void syntheticBatchSpanningSeveralWindowsMatchesSeq() {
        Sha256Input in = new Sha256Input.Synthetic(2501, 70, 2, Long.MAX_VALUE - 1200);
        Sha256Output expected = new Sha256Seq().run(in);
        try (ProcessBackend b = new ProcessBackend(new BackendOptions(null, 0, 2, Duration.ofMinutes(1),
                Map.of("process.shards", "3")))) {
            // 1000 does not divide 2501, so the last window is short; 3 shards each, over 2 workers
            for (int window : new int[] {1000, 2501}) {
                Sha256Process k = new Sha256Process(b.pool(), 3, window);
                for (int run = 0; run < 2; run++) {
                    Verdict v = Tasks.SHA256.compare(expected, k.run(in));
                    assertTrue(v.ok(), "window " + window + ", run " + run + ": " + v.mismatches()
                            + " mismatch(es), first: " + v.firstMismatch());
                }
            }
        }
    }
}
