package io.gpulab.bench;

import io.gpulab.api.Backend;
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

/**
 * Measures the blur of one seeded RGBA frame per backend and size, validated against {@code seq} first, from the
 * memory the CLI blurs it from (the backend's host memory) with each run's output handed back before the next.
 */
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

    /**
     * Opens the backend, builds the seeded frame in the memory the backend reads without a copy
     * ({@code Backend.hostImage}, as {@code gpulab run blur} does before its timed runs: a direct, on CUDA page-locked,
     * image for the GPU backends, the heap frame itself for the CPU ones), prepares the kernel and validates one run
     * against {@code seq} on the heap frame (never timed).
     */
    @Setup(Level.Trial)
    public void setUp() {
        BlurInput input = BlurSize.valueOf(size).input(BenchFixture.SEED);
        fixture = BenchFixture.prepareFor(Tasks.BLUR, backend, b -> hostInput(b, input),
                "seq".equals(backend) ? null : () -> BenchFixture.seqReference(Tasks.BLUR, input));
    }

    /** Returns the input with each image in the backend's host memory ({@code Backend.hostImage}). */
    static BlurInput hostInput(Backend b, BlurInput input) {
        return new BlurInput(input.images().stream().map(b::hostImage).toList(), input.spec());
    }

    /** Returns the input the benchmark runs, made for its backend; null before {@link #setUp}. */
    BlurInput input() {
        return fixture == null ? null : fixture.input();
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
