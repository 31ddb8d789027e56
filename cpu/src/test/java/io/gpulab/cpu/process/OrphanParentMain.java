package io.gpulab.cpu.process;

import io.gpulab.api.BackendOptions;
import io.gpulab.api.Kernel;
import io.gpulab.images.SyntheticImages;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurOutput;
import io.gpulab.tasks.BlurSpec;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.Tasks;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A parent JVM for {@link ProcessOrphanTest} and {@link ProcessCleanupTest}: opens a two-worker backend, prints the
 * worker pids on one line and then idles, keeps both workers busy in one long sieve, or blurs a large image again and
 * again (so that shared-memory files exist most of the time), until it is killed.
 */
final class OrphanParentMain {

    private OrphanParentMain() {
    }

    /**
     * Runs the parent.
     *
     * @param args {@code idle}, {@code busy} or {@code blur}
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
        if (args[0].equals("blur")) {
            BlurInput in = new BlurInput(List.of(SyntheticImages.generate(3000, 2000, 4, 7)), BlurSpec.gaussian(3));
            Kernel<BlurInput, BlurOutput> k = b.prepare(Tasks.BLUR, in);
            while (true) {
                k.run(in);
            }
        }
        Thread.sleep(600_000);
    }
}
