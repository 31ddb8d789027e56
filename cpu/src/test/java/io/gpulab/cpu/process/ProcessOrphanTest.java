package io.gpulab.cpu.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a parent JVM with {@code kill -9} and checks that its workers die too: idle workers through end of input on
 * stdin, busy ones through their watchdog on the parent process.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProcessOrphanTest {

    @ParameterizedTest
    @ValueSource(strings = {"idle", "busy"})
    void workersDieWhenTheParentIsKilled(String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process parent = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OrphanParentMain.class.getName(), mode).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<ProcessHandle> workers;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(),
                    StandardCharsets.US_ASCII));
            String line = out.readLine();
            assertNotNull(line, "the parent JVM printed no worker pids");
            workers = Arrays.stream(line.split(",")).map(Long::parseLong)
                    .map(pid -> ProcessHandle.of(pid).orElseThrow()).toList();
            assertEquals(2, workers.size());
            if (mode.equals("busy")) {
                Thread.sleep(1000); // let both workers get deep into their shards
            }
            workers.forEach(w -> assertTrue(w.isAlive(), "worker " + w.pid() + " should run before the kill"));
        } finally {
            parent.destroyForcibly();
        }
        assertTrue(parent.waitFor(10, TimeUnit.SECONDS));
        for (ProcessHandle w : workers) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (w.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            boolean orphan = w.isAlive();
            if (orphan) {
                w.destroyForcibly(); // never leave an orphan behind, even when the test fails
            }
            assertTrue(!orphan, "worker pid " + w.pid() + " outlived its parent killed with kill -9 (" + mode + ")");
        }
    }
}
