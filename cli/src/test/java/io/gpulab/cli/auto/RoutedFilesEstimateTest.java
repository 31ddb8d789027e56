package io.gpulab.cli.auto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.SerialItems;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks that a files batch on a backend that hashes each file on one thread is predicted as the run routes it: the
 * routed files at the host's rate, the rest at the calibrated rate but no faster than the largest remaining file's
 * thread; and that small files, and CPU backends, are predicted as from the totals.
 */
class RoutedFilesEstimateTest {

    /** One thread at 64 MB/s, a batch at 50 GB/s, files of 1 MiB or more may go to the host (Sha256Gpu's figures). */
    private static final SerialItems SERIAL = new SerialItems(64e6, 50e9, 1 << 20);
    private static final long MIB = 1 << 20;
    private static final double RUN = 1e-3;
    private static final double PER_BLOCK = 1e-10;
    private static final double LINK = 10e9;
    private static final Cost GPU = new Cost("gpu", "gpu0", "sha256", 0.1, 0.01, RUN, PER_BLOCK, LINK, false,
            SERIAL);
    private static final Cost SEQ = new Cost("seq", "cpu", "sha256", 0, 0, 1e-6, 200e-9, 0, true);

    private static long[] withSmall(long first, int small, long smallSize) {
        long[] sizes = new long[small + 1];
        Arrays.fill(sizes, smallSize);
        sizes[small / 2] = first; // the large file need not come first
        return sizes;
    }

    /** The run of files on the device by the totals: fixed seconds, blocks and the link. */
    private static double totals(long files, long bytes) {
        return RUN + (bytes / 64.0 + files) * PER_BLOCK + (bytes + files * 44.0) / LINK;
    }

    @Test
    void aLargeFileAmongSmallOnesIsPredictedOnTheHostAndTheRestOnTheDevice() {
        long big = 64 * MIB;
        Workload w = Workload.sha256Files(List.of(withSmall(big, 1000, 4096)));
        // kept: one thread 1.05 s; routed: 67 ms on the host, the 4 MB on the device bounded by one 4 KiB thread
        // (64 us)
        double expected = big / HostRouting.HOST_BYTES_PER_SECOND + RUN + (1000 * 4096 + 1000 * 44.0) / LINK
                + Math.max((1000 * 4096 / 64.0 + 1000) * PER_BLOCK, 4096 / 64e6);
        assertEquals(expected, GPU.runTime(w), 1e-12);
        assertEquals(0.0671 + 0.001 + 0.00042 + 0.000064, GPU.runTime(w), 1e-4);
        assertArrayEquals(new long[] {1, big}, GPU.routed(w));
        // the totals alone spread the 68 MB over the device's threads: 8 ms, as if nothing waited on one thread
        Workload blind = Workload.sha256Files(1001, big + 1000 * 4096L, 1);
        assertEquals(totals(1001, big + 1000 * 4096L), GPU.runTime(blind), 1e-12);
        assertTrue(GPU.runTime(blind) < 0.01, "the old estimate: " + GPU.runTime(blind));

        Choice c = AutoChooser.choose(new Calibration("k", "t", List.of(SEQ, GPU), List.of()), w, Plan.command(0, 1),
                List.of("seq", "gpu")).orElseThrow();
        Choice.Prediction gpu = c.predictions().stream().filter(p -> p.backend().equals("gpu")).findFirst()
                .orElseThrow();
        assertEquals(1, gpu.routedFiles());
        assertEquals(big, gpu.routedBytes());
        assertEquals(GPU.runTime(w), gpu.runSeconds(), 1e-15);
        assertTrue(c.line().endsWith("; gpu routes 1 file (67108864 B) to the host CPU"), c.line());
        assertEquals(1L, ((List<?>) c.toJson().get("predictions")).stream().map(p -> (Map<?, ?>) p)
                .filter(p -> p.get("backend").equals("gpu")).findFirst().orElseThrow().get("routedFiles"));
    }

    @Test
    void aFileBelowTheFloorStaysOnTheDeviceAndItsThreadBoundsTheBatch() {
        long kept = 900 * 1024; // under 1 MiB: never routed, 14.4 ms on its one thread
        Workload w = Workload.sha256Files(List.of(withSmall(kept, 1000, 4096)));
        long bytes = kept + 1000 * 4096L;
        double link = (bytes + 1001 * 44.0) / LINK;
        assertEquals(RUN + link + kept / 64e6, GPU.runTime(w), 1e-12);
        assertArrayEquals(new long[] {0, 0}, GPU.routed(w));
        // the totals alone predict 1.5 ms, ten times less than the one thread the batch waits for
        assertTrue(GPU.runTime(Workload.sha256Files(1001, bytes, 1)) < 0.002);
        Choice c = AutoChooser.choose(new Calibration("k", "t", List.of(SEQ, GPU), List.of()), w, Plan.command(0, 1),
                List.of("seq", "gpu")).orElseThrow();
        assertFalse(c.line().contains("routes"), c.line());
    }

    @Test
    void eachBatchIsRoutedOnItsOwnAndABatchRoutedWhollyPaysNoRun() {
        long[] alone = {8 * MIB};
        long[] small = withSmall(4096, 99, 4096);
        Workload w = Workload.sha256Files(List.of(alone, small));
        assertEquals(2, w.batches());
        double smallRun = RUN + (100 * 4096 + 100 * 44.0) / LINK + Math.max((100 * 4096 / 64.0 + 100) * PER_BLOCK,
                4096 / 64e6);
        assertEquals((8 * MIB / HostRouting.HOST_BYTES_PER_SECOND + smallRun) / 2, GPU.runTime(w), 1e-12);
        assertArrayEquals(new long[] {1, 8 * MIB}, GPU.routed(w));
    }

    @Test
    void smallFilesAndCpuBackendsArePredictedAsFromTheTotals() {
        // 1 KiB files: one thread takes 16 us, the batch 170 us at 10 ns per block
        Cost slowerGpu = new Cost("gpu", "gpu0", "sha256", 0.1, 0.01, RUN, 1e-8, LINK, false, SERIAL);
        long[] sizes = withSmall(1024, 999, 1024);
        Workload w = Workload.sha256Files(List.of(sizes));
        Workload blind = Workload.sha256Files(1000, 1000 * 1024L, 1);
        assertEquals(blind.units(), w.units());
        assertEquals(blind.bytes(), w.bytes());
        assertEquals(blind.description(), w.description());
        assertEquals(slowerGpu.runTime(blind), slowerGpu.runTime(w), 1e-15);
        assertArrayEquals(new long[] {0, 0}, slowerGpu.routed(w));
        // a CPU backend has no serial-item model: the large file counts among the totals
        Workload large = Workload.sha256Files(List.of(withSmall(64 * MIB, 1000, 4096)));
        assertEquals(SEQ.runTime(Workload.sha256Files(1001, 64 * MIB + 1000 * 4096L, 1)), SEQ.runTime(large),
                1e-15);
        assertArrayEquals(new long[] {0, 0}, SEQ.routed(large));
    }

    @Test
    void theRoutingIsSerialItemsChoiceWhateverTheOrder() {
        long[] sizes = {10, 3 * MIB, 20, 2 * MIB, 30};
        // 3 MiB: 49 ms on a thread against 3 ms on the host; then 2 MiB: 33 ms against 2 ms
        assertArrayEquals(new boolean[] {false, true, false, true, false}, HostRouting.toHost(SERIAL, sizes));
        // with a floor of 4 MiB both stay, however long their threads
        assertArrayEquals(new boolean[] {false, false, false, false, false},
                HostRouting.toHost(new SerialItems(64e6, 50e9, 4 * MIB), sizes));
    }
}
