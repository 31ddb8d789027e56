package io.gpulab.cpu.process;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.BackendOptions;
import io.gpulab.api.Verdict;
import io.gpulab.cpu.seq.Sha256Seq;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import io.gpulab.tasks.Tasks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Checks that a synthetic batch cut into any number of shards over two worker JVMs, each returning only its partial
 * fold, gives the fold of {@code seq}; also a batch with fewer messages than shards. The timeout only guards
 * against a hang.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Sha256ProcessTest {

    @Test
    void partialFoldsOfAnyShardingAddUpToSeq() {
        List<Sha256Input> inputs = List.of(new Sha256Input.Synthetic(2501, 70, 2, Long.MAX_VALUE - 1200),
                new Sha256Input.Synthetic(2, 64, 1, 0));
        try (ProcessBackend b = new ProcessBackend(new BackendOptions(null, 0, 2, Duration.ofMinutes(1),
                Map.of()))) {
            // 1 shard, 3 (uneven: 2501 = 834 + 834 + 833) and 7, more shards than workers
            for (int shards : new int[] {1, 3, 7}) {
                Sha256Process k = new Sha256Process(b.pool(), shards);
                for (Sha256Input in : inputs) {
                    Sha256Output expected = new Sha256Seq().run(in);
                    for (int run = 0; run < 2; run++) {
                        Verdict v = Tasks.SHA256.compare(expected, k.run(in));
                        assertTrue(v.ok(), in + ", " + shards + " shards, run " + run + ": " + v.mismatches()
                                + " mismatch(es), first: " + v.firstMismatch());
                    }
                }
            }
        }
    }
}
