package io.gpulab.cpu.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sends SIGTERM and SIGINT to a parent JVM in the middle of process blurs and checks that it leaves no shared-memory
 * file and no worker behind; and checks that a starting pool sweeps the files of dead parents, never of live ones.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProcessCleanupTest {

    private static final String PREFIX = "gpulab-process-";

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void aSignalMidRunRemovesTheSharedFilesAndStopsTheWorkers(String signal) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process parent = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OrphanParentMain.class.getName(), "blur").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<ProcessHandle> workers = new ArrayList<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(),
                    StandardCharsets.US_ASCII));
            String line = out.readLine();
            assertNotNull(line, "the parent JVM printed no worker pids");
            Arrays.stream(line.split(",")).map(Long::parseLong).map(pid -> ProcessHandle.of(pid).orElseThrow())
                    .forEach(workers::add);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (ownFiles(parent.pid()).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(ownFiles(parent.pid()).isEmpty(), "the parent never had a shared file open");
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(parent.pid())).start();
            assertEquals(0, kill.waitFor(), "kill -s " + signal);
            assertTrue(parent.waitFor(30, TimeUnit.SECONDS), "the parent did not end on SIG" + signal);
            assertEquals(List.of(), ownFiles(parent.pid()), "shared files left behind after SIG" + signal);
            for (ProcessHandle w : workers) {
                assertFalse(w.isAlive(), "worker pid " + w.pid() + " still runs after its parent ended on SIG"
                        + signal);
            }
        } finally {
            parent.destroyForcibly();
            workers.forEach(ProcessHandle::destroyForcibly);
            for (Path f : ownFiles(parent.pid())) {
                Files.deleteIfExists(f); // never leave a file behind, even when the test fails
            }
        }
    }

    @Test
    void aStartingPoolSweepsTheFilesOfDeadParentsOnly() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path dir = SharedFile.directoryFor(0);
        Path dead = dir.resolve(PREFIX + gone.pid() + "-1-test-stale");
        Path live = dir.resolve(PREFIX + ProcessHandle.current().pid() + "-999999-test-live");
        Files.write(dead, new byte[16]);
        Files.write(live, new byte[16]);
        try {
            SharedFile.sweepStale();
            assertFalse(Files.exists(dead), "the file of dead pid " + gone.pid() + " must be swept");
            assertTrue(Files.exists(live), "the file of a running parent must be left alone");
        } finally {
            Files.deleteIfExists(dead);
            Files.deleteIfExists(live);
        }
    }

    /** Returns the shared files whose names say they belong to this pid, in /dev/shm and the temp directory. */
    private static List<Path> ownFiles(long pid) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path dir : List.of(Path.of("/dev/shm"), Path.of(System.getProperty("java.io.tmpdir")))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.filter(p -> p.getFileName().toString().startsWith(PREFIX + pid + "-")).forEach(found::add);
                }
            }
        }
        return found;
    }
}
