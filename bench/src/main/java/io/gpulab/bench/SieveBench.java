package io.gpulab.bench;

import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveOutput;
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

/**
 * Measures counting the primes of a range per backend and size. Every backend, {@code seq} included, is checked
 * against the range's published prime count rather than a {@code seq} run, which would cost as much as the
 * benchmark itself in every fork.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SieveBench {

    /** The backend id, or a device id such as {@code opencl:0:1}. */
    @Param({"seq", "forkjoin", "process", "opencl", "cuda"})
    public String backend;

    /** The name of a {@link SieveSize}. */
    @Param({"PI_1E9", "PI_1E10", "RANGE_1E12_1E9"})
    public String size;

    private BenchFixture<SieveInput, SieveOutput> fixture;

    /** Opens the backend, prepares the kernel and validates one run against the published count (never timed). */
    @Setup(Level.Trial)
    public void setUp() {
        SieveSize s = SieveSize.valueOf(size);
        fixture = BenchFixture.prepare(Tasks.SIEVE, backend, s.input(BenchFixture.SEED),
                () -> new SieveOutput(s.expectedCount()));
    }

    /** Counts the primes of the range end to end; the phase counters carry the kernel's own time. */
    @Benchmark
    public SieveOutput endToEnd(PhaseCounters phases) {
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
