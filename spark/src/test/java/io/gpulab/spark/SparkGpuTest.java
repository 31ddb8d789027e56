package io.gpulab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.Backend;
import io.gpulab.api.Kernel;
import io.gpulab.cpu.seq.SeqBackend;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveOutput;
import io.gpulab.tasks.Tasks;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * GPU scheduling on a real local cluster without a GPU: a discovery script announces two GPUs per worker, every
 * task asks for one, and Spark hands tasks that run at the same time on one executor distinct addresses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkGpuTest {

    private Path dir;
    private SparkBackend backend;

    @BeforeAll
    void open() throws IOException {
        dir = Files.createTempDirectory("gpulab-gpus");
        Path script = dir.resolve("gpus.sh");
        Files.writeString(script, "#!/bin/sh\necho '{\"name\":\"gpu\",\"addresses\":[\"0\",\"1\"]}'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        backend = LocalClusters.open(Map.of("spark.master", "local-cluster[2,2,1024]", "spark.gpusPerTask", "1",
                "spark.worker.resource.gpu.discoveryScript", script.toString(),
                "spark.executor.resource.gpu.amount", "2", "spark.shards", "8"));
    }

    @AfterAll
    void close() throws InterruptedException, IOException {
        if (backend != null) {
            backend.close();
        }
        Files.deleteIfExists(dir.resolve("gpus.sh"));
        Files.deleteIfExists(dir);
        LocalClusters.assertNoProcessLeft();
    }

    @Test
    void countsAsSeqWithEveryShardOnAnAssignedGpu() {
        SieveInput in = SieveInput.count(1_000_000, 200_000_000);
        long expected;
        try (Backend seq = new SeqBackend(); Kernel<SieveInput, SieveOutput> k = seq.prepare(Tasks.SIEVE, in)) {
            expected = k.run(in).count();
        }
        try (Kernel<SieveInput, SieveOutput> k = backend.prepare(Tasks.SIEVE, in)) {
            assertEquals(expected, k.run(in).count());
            assertEquals(8, k.events().size(), String.join("\n", k.events()));
            for (String e : k.events()) {
                assertTrue(e.contains("(gpu 0 assigned, unused)") || e.contains("(gpu 1 assigned, unused)"), e);
            }
        }
    }

    @Test
    void shardsRunningAtOnceOnOneExecutorGetDistinctGpus() {
        List<SparkShard> shards = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            shards.add(new Hold());
        }
        List<long[]> runs = new ArrayList<>();
        for (Serializable v : backend.jobs().run("hold", shards)) {
            runs.add((long[]) v);
        }
        int overlapping = 0;
        for (int i = 0; i < runs.size(); i++) {
            for (int j = i + 1; j < runs.size(); j++) {
                long[] a = runs.get(i);
                long[] b = runs.get(j);
                if (a[0] == b[0] && a[2] < b[3] && b[2] < a[3]) {
                    overlapping++;
                    assertNotEquals(a[1], b[1], "two shards on executor " + a[0] + " at once share gpu " + a[1]);
                }
            }
        }
        assertTrue(overlapping > 0, "no two shards ran at once on one executor; nothing was checked");
    }

    /** Holds its task slot for a second and returns {executor id, gpu address, start ms, end ms}. */
    private static final class Hold implements SparkShard {
        private static final long serialVersionUID = 1L;

        @Override
        public String describe() {
            return "hold";
        }

        @Override
        public Serializable run(Backend inner) {
            long start = System.currentTimeMillis();
            String gpu = TaskContext.get().resources().get("gpu").get().addresses()[0];
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new long[] {Long.parseLong(SparkEnv.get().executorId()), Long.parseLong(gpu), start,
                System.currentTimeMillis()};
        }
    }
}
