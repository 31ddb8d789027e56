package io.gpulab.cpu.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.Availability;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.Kernel;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveOutput;
import io.gpulab.tasks.Tasks;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checks that opening process for use self-tests its own pool rather than starting a probe pool first. */
class ProcessProviderTest {

    @Test
    void openingBeforeAnyProbeStartsTheWorkersOnce() {
        Set<Long> before = children();
        ProcessProvider provider = new ProcessProvider();
        BackendOptions two = new BackendOptions(null, 0, 2, Duration.ofMinutes(1), Map.of());
        try (ProcessBackend b = (ProcessBackend) provider.openAvailable(two)) {
            Set<Long> started = children();
            started.removeAll(before);
            assertEquals(new HashSet<>(b.workerPids()), started, "the only JVMs started are the pool's workers");
            Availability a = provider.probe();
            assertTrue(a.available(), "self-tested as the probe: " + a.reason());
            Set<Long> after = children();
            after.removeAll(before);
            assertEquals(started, after, "the probe reused the self-test of the pool instead of starting a worker");
            try (Kernel<SieveInput, SieveOutput> k = b.prepare(Tasks.SIEVE, SieveInput.count(0, 100))) {
                assertEquals(25, k.run(SieveInput.count(0, 100)).count());
            }
        }
    }

    private static Set<Long> children() {
        Set<Long> pids = new HashSet<>();
        ProcessHandle.current().children().filter(ProcessHandle::isAlive).forEach(p -> pids.add(p.pid()));
        return pids;
    }
}
