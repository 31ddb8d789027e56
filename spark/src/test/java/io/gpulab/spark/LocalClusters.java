package io.gpulab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gpulab.api.BackendOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Opens spark backends on local clusters for tests and checks that closing one leaves no process behind. */
final class LocalClusters {

    private LocalClusters() {
    }

    /** Opens the spark backend with these {@code -X} settings. */
    static SparkBackend open(Map<String, String> settings) {
        return (SparkBackend) new SparkProvider().open(new BackendOptions(null, 0, 0, Duration.ofMinutes(2),
                settings));
    }

    /** Returns the executor JVMs this JVM started (through the workers of its local cluster), its only children. */
    static List<ProcessHandle> executors() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList();
    }

    /** Waits for every child process of this JVM to end, then checks that none is left. */
    static void assertNoProcessLeft() throws InterruptedException {
        // executors get the stop request from their worker and exit on their own; give them time to do so
        for (int i = 0; i < 600 && ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive); i++) {
            Thread.sleep(100);
        }
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList(),
                "processes left behind after the spark backend closed");
    }
}
