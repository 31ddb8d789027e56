package io.gpulab.cli.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.tasks.BlurSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the choice on crafted calibrations, where the right answer follows from the figures by hand. */
class AutoChooserTest {

    private static final List<String> ALL = List.of("seq", "forkjoin", "gpu");

    /** A CPU at 1 ns per number and a GPU 100x faster per number but with 0.2 s of setup and 50 us per run. */
    private static Calibration crossover() {
        return new Calibration("k", "t", List.of(
                new Cost("seq", "cpu", "sieve", 0, 0, 1e-6, 1e-9, 0, false),
                new Cost("forkjoin", "cpu", "sieve", 1e-4, 0, 30e-6, 0.55e-9, 0, false),
                new Cost("gpu", "gpu0", "sieve", 0.15, 0.05, 50e-6, 1e-11, 0, false)), List.of());
    }

    private static String choose(Calibration c, Workload w, int runs) {
        return AutoChooser.choose(c, w, Plan.command(0, runs), ALL).orElseThrow().chosen();
    }

    @Test
    void smallInputsStayOnTheCpuAndLargeOnesGoToTheDevice() {
        Calibration c = crossover();
        assertEquals("seq", choose(c, Workload.sieve(0, 1000), 1));
        // forkjoin: 1e-4 + 30e-6 + 0.55e-3 = 0.68 ms against seq's 1.0 ms
        assertEquals("forkjoin", choose(c, Workload.sieve(0, 1_000_000), 1));
        // 10^8: forkjoin 55 ms against the device's 0.2 s setup + 1 ms
        assertEquals("forkjoin", choose(c, Workload.sieve(0, 100_000_000), 1));
        // 10^10: forkjoin 5.5 s against the device's 0.3 s
        assertEquals("gpu", choose(c, Workload.sieve(0, 10_000_000_000L), 1));
    }

    @Test
    void setupCountsOnceSoRepeatsMoveTheCrossoverDown() {
        Calibration c = crossover();
        Workload w = Workload.sieve(0, 300_000_000);
        // one run: forkjoin 165 ms against 0.2 s + 3 ms; 20 runs: 3.3 s against 0.26 s
        assertEquals("forkjoin", choose(c, w, 1));
        assertEquals("gpu", choose(c, w, 20));
        // a compare row is the median timed run: setup is not in it, so the device's 3 ms win at once
        assertEquals("gpu", AutoChooser.choose(c, w, Plan.compareRow(1, 3), ALL).orElseThrow().chosen());
    }

    @Test
    void aFastDeviceBehindASlowLinkLeavesSmallAndLargeImagesOnTheCpu() {
        BlurSpec sigma3 = BlurSpec.gaussian(3);
        Cost cpu = new Cost("seq", "cpu", "blur", 0, 0, 5e-6, 0.2e-9, 0, false);
        Cost slowLink = new Cost("gpu", "gpu0", "blur", 0.01, 0.001, 20e-6, 1e-13, 100e6, false);
        Cost fastLink = new Cost("gpu", "gpu0", "blur", 0.01, 0.001, 20e-6, 1e-13, 10e9, false);
        Workload tiny = Workload.blur("67x45x4", 67 * 45 * 4, BlurSpec.gaussian(2), 1);
        Workload frame4k = Workload.blur("3840x2160x4", 3840L * 2160 * 4, sigma3, 1);
        List<String> ids = List.of("seq", "gpu");
        Calibration slow = new Calibration("k", "t", List.of(cpu, slowLink), List.of());
        Calibration fast = new Calibration("k", "t", List.of(cpu, fastLink), List.of());
        // the kernel is 2000x faster per tap, but 66 MB over 100 MB/s cost 0.66 s against the CPU's 0.25 s
        assertEquals("seq", AutoChooser.choose(slow, tiny, Plan.command(0, 1), ids).orElseThrow().chosen());
        assertEquals("seq", AutoChooser.choose(slow, frame4k, Plan.command(0, 1), ids).orElseThrow().chosen());
        assertEquals("seq", AutoChooser.choose(slow, frame4k, Plan.command(0, 10), ids).orElseThrow().chosen());
        assertEquals("seq", AutoChooser.choose(slow, frame4k, Plan.compareRow(1, 3), ids).orElseThrow().chosen());
        // the same device behind a 10 GB/s link wins the 4K frame, still not the tiny image
        assertEquals("gpu", AutoChooser.choose(fast, frame4k, Plan.command(0, 1), ids).orElseThrow().chosen());
        assertEquals("seq", AutoChooser.choose(fast, tiny, Plan.command(0, 1), ids).orElseThrow().chosen());
    }

    @Test
    void everyBatchPaysItsPrepareAndItsRunOverhead() {
        Calibration c = new Calibration("k", "t", List.of(
                new Cost("seq", "cpu", "sha256", 0, 0, 0, 100e-9, 0, false),
                new Cost("gpu", "gpu0", "sha256", 0.01, 0.02, 1e-3, 1e-9, 10e9, false)), List.of());
        Workload files = Workload.sha256Files(1000, 1L << 30, 1);
        // one batch: the device's 30 ms setup, 1 ms, 17 ms hashing and 107 ms over the link against seq's 1.7 s;
        // 200 batches pay 200 prepares (4 s)
        assertEquals("gpu", choose(c, files, 1));
        assertEquals("seq", choose(c, files.inBatches(200), 1));
        Choice.Prediction gpu = AutoChooser.choose(c, files.inBatches(200), Plan.command(0, 1), ALL).orElseThrow()
                .predictions().get(1);
        assertEquals(0.01 + 200 * 0.02, gpu.setupSeconds(), 1e-12);
    }

    @Test
    void theJitWarmUpSendsAOneShotRunOffTheJavaBackendsButNotARepeatedOne() {
        // Java code: 1 ms a warm run, but the first runs of a fresh JVM pay 30, 20, 10 ms, and 2 s on a large input
        Warmup jit = new Warmup("blur", 1e6, new double[] {0.030, 0.020, 0.010}, 1e9, 2.0);
        Calibration c = new Calibration("k", "t", List.of(
                new Cost("seq", "cpu", "blur", 0, 0, 0, 1e-9, 0, true),
                new Cost("gpu", "gpu0", "blur", 0, 0, 0.002, 5e-9, 0, false)), List.of(jit));
        Workload small = new Workload("blur", "small", 1e6, 0, 1);
        Workload large = new Workload("blur", "large", 1e9, 0, 1);
        List<String> ids = List.of("seq", "gpu");
        // one run of the small input: seq 1 + 30 ms against the device's 7 ms
        assertEquals("gpu", AutoChooser.choose(c, small, Plan.command(0, 1), ids).orElseThrow().chosen());
        // a compare row after one warm-up: seq's median run (the third) pays 10 ms, the device 7 ms
        assertEquals("gpu", AutoChooser.choose(c, small, Plan.compareRow(1, 3), ids).orElseThrow().chosen());
        // after three warm-ups seq runs warm: 1 ms
        assertEquals("seq", AutoChooser.choose(c, small, Plan.compareRow(3, 3), ids).orElseThrow().chosen());
        // large: seq 1 s + 2 s once against the device's 5 s; ten runs make it 12 s against 50 s
        assertEquals("seq", AutoChooser.choose(c, large, Plan.command(0, 1), ids).orElseThrow().chosen());
        assertEquals(3.0, AutoChooser.choose(c, large, Plan.command(0, 1), ids).orElseThrow().predictions().get(0)
                .seconds(), 1e-9);
        // between the two sizes the excess is interpolated on the logarithm of the size
        assertEquals(0.5 * 0.030 * 31.62 + 0.5 * 2.0, jit.excess(1, Math.sqrt(1e6 * 1e9)), 0.01);
    }

    @Test
    void candidatesWithoutACostAreLeftOutAndNoneGivesNoChoice() {
        Calibration c = new Calibration("k", "t", List.of(new Cost("seq", "cpu", "sieve", 0, 0, 0, 1e-9, 0, false)),
                List.of());
        Choice only = AutoChooser.choose(c, Workload.sieve(0, 10), Plan.command(0, 1), ALL).orElseThrow();
        assertEquals(1, only.predictions().size());
        assertTrue(AutoChooser.choose(c, Workload.sha256(10, 64, 1), Plan.command(0, 1), ALL).isEmpty());
    }

    @Test
    void theLineNamesTheChoiceThenTheOthersFastestFirst() {
        // gpu: 0.2 s setup + 50 us + 10 ms; forkjoin: 0.55 s; seq: 1.0 s
        Choice c = AutoChooser.choose(crossover(), Workload.sieve(0, 1_000_000_000L), Plan.command(0, 1), ALL)
                .orElseThrow();
        assertEquals("auto: chose gpu for sieve [0, 10^9]: predicted 210 ms; forkjoin 550 ms, seq 1.00 s "
                + "(setup + 1 run each)", c.line());
        assertEquals("gpu", c.toJson().get("chosen"));
        Choice batches = AutoChooser.choose(crossover(), Workload.sieve(0, 1000).inBatches(3), Plan.command(1, 3),
                ALL).orElseThrow();
        assertTrue(batches.line().endsWith("(setup + 4 runs of each of 3 batches each)"), batches.line());
        Choice row = AutoChooser.choose(crossover(), Workload.sieve(0, 1000), Plan.compareRow(1, 3), ALL)
                .orElseThrow();
        assertTrue(row.line().endsWith("(median timed run after 1 warm-up)"), row.line());
    }
}
