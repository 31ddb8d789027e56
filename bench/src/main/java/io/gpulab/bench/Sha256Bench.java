package io.gpulab.bench;

import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import io.gpulab.tasks.Tasks;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Measures SHA-256 of a seeded batch of messages per backend and size, validated against {@code seq} first. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Sha256Bench {

    /** The backend id, or a device id such as {@code opencl:0:1}. */
    @Param({"seq", "forkjoin", "process", "opencl", "cuda"})
    public String backend;

    /** The name of a {@link Sha256Size}. */
    @Param({"MESSAGES_1M_64B"})
    public String size;

    private BenchFixture<Sha256Input, Sha256Output> fixture;

    /** Opens the backend, builds the seeded batch, prepares the kernel and validates one run (never timed). */
    @Setup(Level.Trial)
    public void setUp() {
        Sha256Input input = Sha256Size.valueOf(size).input(BenchFixture.SEED);
        fixture = BenchFixture.prepare(Tasks.SHA256, backend, input,
                "seq".equals(backend) ? null : () -> BenchFixture.seqReference(Tasks.SHA256, input));
    }

    /** Hashes the batch end to end, transfers included; the phase counters carry the kernel's own time. */
    @Benchmark
    public Sha256Output endToEnd(PhaseCounters phases) {
        return fixture.run(phases);
    }

    /** Releases the kernel and the backend. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (fixture != null) {
            fixture.close();
        }
    }
}
