package io.gpulab.cpu.process;

import io.gpulab.api.BackendOptions;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.Tasks;
import java.time.Duration;
import java.util.Map;

/**
 * A parent JVM for {@link ProcessOrphanTest}: opens a two-worker backend, prints the worker pids on one line and
 * then either idles or keeps both workers busy in one long sieve, until it is killed.
 */
final class OrphanParentMain {

    private OrphanParentMain() {
    }

    /**
     * Runs the parent.
     *
     * @param args {@code idle} or {@code busy}
     */
    public static void main(String[] args) throws InterruptedException {
        ProcessBackend b = new ProcessBackend(new BackendOptions(null, 0, 2, Duration.ofMinutes(10),
                Map.of("process.shards", "2")));
        System.out.println(b.workerPids().toString().replaceAll("[\\[\\] ]", ""));
        System.out.flush();
        if (args[0].equals("busy")) {
            SieveInput in = SieveInput.count(1_000_000_000_000L, 1_000_000_000_000L + 100_000_000_000L);
            b.prepare(Tasks.SIEVE, in).run(in);
        }
        Thread.sleep(600_000);
    }
}
