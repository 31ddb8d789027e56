package io.gpulab.bench;

import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurOutput;
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

/** Measures the blur of one seeded RGBA frame per backend and size, validated against {@code seq} first. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BlurBench {

    /** The backend id, or a device id such as {@code opencl:0:1}. */
    @Param({"seq", "forkjoin", "process", "opencl", "cuda"})
    public String backend;

    /** The name of a {@link BlurSize}. */
    @Param({"UHD_GAUSSIAN_3", "UHD_BOX_2"})
    public String size;

    private BenchFixture<BlurInput, BlurOutput> fixture;

    /** Opens the backend, builds the seeded frame, prepares the kernel and validates one run (never timed). */
    @Setup(Level.Trial)
    public void setUp() {
        BlurInput input = BlurSize.valueOf(size).input(BenchFixture.SEED);
        fixture = BenchFixture.prepare(Tasks.BLUR, backend, input,
                "seq".equals(backend) ? null : () -> BenchFixture.seqReference(Tasks.BLUR, input));
    }

    /** Blurs the frame end to end, transfers included; the phase counters carry the kernel's own time. */
    @Benchmark
    public BlurOutput endToEnd(PhaseCounters phases) {
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
