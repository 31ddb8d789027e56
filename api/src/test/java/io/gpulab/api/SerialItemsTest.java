package io.gpulab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Checks the choice of {@link SerialItems#toHost} on batches whose best split is known by hand. */
class SerialItemsTest {

    private static final long MIB = 1 << 20;
    /** A GPU's figures: one thread 64 MB/s, a batch 50 GB/s, a 1 MiB floor; the host 1 GB/s. */
    private static final SerialItems GPU = new SerialItems(64e6, 50e9, MIB);
    private static final double HOST = 1e9;

    @Test
    void oneLargeFileAmongSmallOnesGoesToTheHost() {
        // 100 MiB on one thread: 1.6 s; on the host 0.1 s; the 1,000 small files take 0.2 ms on the device
        long[] sizes = new long[1001];
        sizes[0] = 100 * MIB;
        for (int i = 1; i < sizes.length; i++) {
            sizes[i] = 10_000;
        }
        assertEquals(1, GPU.toHost(sizes, HOST));
    }

    @Test
    void manyLargeFilesStayTogetherOnTheDevice() {
        // 500 files of 2 MiB: 33 ms on their threads in parallel, 21 ms over the bus; the host needs 1 s
        long[] sizes = new long[500];
        Arrays.fill(sizes, 2 * MIB);
        assertEquals(0, GPU.toHost(sizes, HOST));
    }

    @Test
    void everyLargeFileThatHoldsUpTheBatchGoesAndOneUnderTheFloorStays() {
        // 64 MiB and 32 MiB: 1.05 s and 0.52 s on one thread; 4 MiB holds the batch up 66 ms against 8 ms for the
        // next one and costs the host 4 ms, so it goes too; the 0.5 MiB one is under the floor
        long[] sizes = {64 * MIB, 32 * MIB, 4 * MIB, MIB / 2, 1000, 1000};
        assertEquals(3, GPU.toHost(sizes, HOST));
    }

    @Test
    void filesUnderTheFloorAlwaysStay() {
        assertEquals(0, GPU.toHost(new long[] {MIB - 1, 10, 10}, HOST));
        assertEquals(0, GPU.toHost(new long[] {}, HOST));
        assertEquals(1, GPU.toHost(new long[] {MIB}, HOST));
    }

    @Test
    void ratesMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new SerialItems(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new SerialItems(1, Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> new SerialItems(1, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> GPU.toHost(new long[] {MIB}, 0));
    }
}
