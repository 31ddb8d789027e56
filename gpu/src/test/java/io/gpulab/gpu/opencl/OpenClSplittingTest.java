package io.gpulab.gpu.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.DeviceOutOfMemoryException;
import io.gpulab.api.Kernel;
import io.gpulab.api.Task;
import io.gpulab.api.Verdict;
import io.gpulab.conformance.RequireBackend;
import io.gpulab.cpu.seq.SeqBackend;
import io.gpulab.gpu.Sha256Gpu;
import io.gpulab.gpu.device.DeviceOptions;
import io.gpulab.images.Image;
import io.gpulab.images.SyntheticImages;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurSpec;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.Tasks;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves the launch splitting of the shared GPU host code with the device option {@code device.maxBufferBytes}:
 * split runs agree with {@code seq} and say they split, and an item that cannot fit gives
 * {@link DeviceOutOfMemoryException}.
 */
class OpenClSplittingTest {

    private static final long SEED = 20261122L;
    private static BackendProvider provider;

    @BeforeAll
    static void requireOpenCl() {
        provider = RequireBackend.available("opencl");
    }

    private static Backend openWithCap(long bytes) {
        BackendOptions d = BackendOptions.defaults();
        return provider.open(new BackendOptions(null, d.threads(), d.workers(), d.workerTimeout(),
                Map.of(DeviceOptions.MAX_BUFFER_BYTES, Long.toString(bytes))));
    }

    /** Runs the input on the capped backend and on seq; asserts agreement and a split named in the events. */
    private static <I, O> void assertSplitAndEqual(long cap, Task<I, O> task, I input, String what) {
        O expected;
        try (Backend seq = new SeqBackend(); Kernel<I, O> k = seq.prepare(task, input)) {
            expected = k.run(input);
        }
        try (Backend b = openWithCap(cap); Kernel<I, O> k = b.prepare(task, input)) {
            O actual = k.run(input);
            Verdict v = task.compare(expected, actual);
            assertTrue(v.ok(), what + " under a " + cap + "-byte cap on " + b.device() + ": " + v);
            assertTrue(k.events().stream().anyMatch(e -> e.contains("split into")), what + " did not split: "
                    + k.events());
        }
    }

    @Test
    void sieveListingSplitsIntoLaunchesAndListsEveryPrime() {
        List<Long> expected = new ArrayList<>();
        List<Long> actual = new ArrayList<>();
        long count;
        // a 256 KiB cap holds two segment bitmaps of 128 KiB; the range spans five segments of 2^21 numbers
        long from = 999_000;
        long to = 9_000_000;
        try (Backend b = openWithCap(256 << 10)) {
            SieveInput in = new SieveInput(from, to, actual::add);
            try (var k = b.prepare(Tasks.SIEVE, in)) {
                count = k.run(in).count();
                assertTrue(k.events().stream().anyMatch(e -> e.contains("split into")), "events " + k.events());
            }
        }
        long seqCount = new SeqBackend().prepare(Tasks.SIEVE, new SieveInput(from, to, expected::add))
                .run(new SieveInput(from, to, expected::add)).count();
        assertEquals(seqCount, count);
        assertEquals(expected, actual);
    }

    @Test
    void sievingPrimesBeyondTheCapAreOneTableNotSplitWork() {
        // 78,497 odd sieving primes (314 KB) under a 256 KiB cap: the cap splits the listing launches (two 128 KiB
        // segment bitmaps each), never the table every launch reads
        SieveInput in = new SieveInput(1_000_000_000_000L, 1_000_000_000_000L + 5_000_000, p -> { });
        assertSplitAndEqual(256 << 10, Tasks.SIEVE, in, "sieve listing near 10^12");
    }

    @Test
    void sha256MessagesAndSyntheticBatchesSplit() {
        SplittableRandom rnd = new SplittableRandom(SEED);
        System.out.println("OpenClSplittingTest seed " + SEED);
        List<byte[]> msgs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            byte[] m = new byte[rnd.nextInt(2000)];
            rnd.nextBytes(m);
            msgs.add(m);
        }
        assertSplitAndEqual(64 << 10, Tasks.SHA256, new Sha256Input.Messages(msgs), "sha256 of 300 messages");
        // a 1 KiB cap holds 32 partial folds: 32 groups of messages per launch
        assertSplitAndEqual(1024, Tasks.SHA256, new Sha256Input.Synthetic(20_000, 70, 3, -9), "sha256 synthetic");
    }

    @Test
    void sha256MessagesOverManyDoubleBufferedLaunchesGiveEveryDigestOfMessageDigest() throws Exception {
        SplittableRandom rnd = new SplittableRandom(SEED + 16);
        System.out.println("OpenClSplittingTest many launches, seed " + (SEED + 16));
        int[] edges = {0, 1, 55, 56, 63, 64, 65, 119, 120, 4000};
        // batches of an odd and an even number of launches, then one of a single launch, on one kernel: the two
        // buffer sets alternate, the last two launches finish in order, and a set left from a longer run is reused
        List<List<byte[]>> batches = List.of(messages(rnd, 1001, edges), messages(rnd, 1200, edges),
                messages(rnd, 3, edges));
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        // a 16 KiB cap: the messages average 2 KB, so a launch holds about 8 and a batch makes over 100 launches
        Set<Integer> parities = new HashSet<>();
        try (Backend b = openWithCap(16 << 10);
                Kernel<Sha256Input, Sha256Output> k = b.prepare(Tasks.SHA256, new Sha256Input.Messages(List.of()))) {
            for (List<byte[]> msgs : batches) {
                Sha256Output out = k.run(new Sha256Input.Messages(msgs));
                assertEquals(msgs.size(), out.digests().size());
                for (int i = 0; i < msgs.size(); i++) {
                    assertArrayEquals(md.digest(msgs.get(i)), out.digests().get(i), "message " + i + " of "
                            + msgs.size() + " (" + msgs.get(i).length + " bytes) on " + b.device());
                }
                Verdict v = Tasks.SHA256.compare(new SeqBackend().prepare(Tasks.SHA256, new Sha256Input.Messages(msgs))
                        .run(new Sha256Input.Messages(msgs)), out);
                assertTrue(v.ok(), v.toString());
                int launches = k.events().stream().filter(e -> e.contains("split into"))
                        .mapToInt(e -> Integer.parseInt(e.replaceAll(".*split into (\\d+) launches.*", "$1")))
                        .findFirst().orElse(1);
                assertEquals(msgs.size() > 3, launches > 100, launches + " launches: " + k.events());
                parities.add(launches % 2);
            }
        }
        assertEquals(Set.of(0, 1), parities, "an odd and an even number of launches");
    }

    /** Returns {@code count} seeded messages of 0 to 4,000 bytes, the first ones of the edge lengths. */
    private static List<byte[]> messages(SplittableRandom rnd, int count, int[] edges) {
        List<byte[]> msgs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] m = new byte[i < edges.length ? edges[i] : rnd.nextInt(4001)];
            rnd.nextBytes(m);
            msgs.add(m);
        }
        return msgs;
    }

    @Test
    void sha256SyntheticBatchesOverSeveralLaunchesMatchSeqOnOneKernel() {
        Sha256Input first = new Sha256Input.Synthetic(1, 0, 1, 0);
        try (Backend b = openWithCap(1024); Backend seq = new SeqBackend();
                Kernel<Sha256Input, Sha256Output> k = b.prepare(Tasks.SHA256, first);
                Kernel<Sha256Input, Sha256Output> ref = seq.prepare(Tasks.SHA256, first)) {
            // a 1 KiB cap holds 32 partial folds, so a launch is 32 groups: a short last launch, an exact multiple,
            // a batch of one group + 1 and one smaller than a group, after the buffers of the larger ones
            int group = ((Sha256Gpu) k).group();
            int launch = 32 * group;
            List<Sha256Input> inputs = List.of(new Sha256Input.Synthetic(2 * launch + 5, 70, 3, Long.MIN_VALUE + 7),
                    new Sha256Input.Synthetic(2 * launch, 0, 1, 5), new Sha256Input.Synthetic(group + 1, 64, 2, -1),
                    new Sha256Input.Synthetic(10, 64, 2, -1));
            for (Sha256Input in : inputs) {
                Verdict v = Tasks.SHA256.compare(ref.run(in), k.run(in));
                assertTrue(v.ok(), in + " on " + b.device() + ", group " + group + ": " + v);
                assertEquals(in.count() > launch, k.events().stream().anyMatch(e -> e.contains("split into")),
                        in + ": " + k.events());
            }
            assertEquals(32L * 32, ((Sha256Gpu) k).deviceBytes(), "device partial folds stay one launch's");
        }
    }

    @Test
    void sha256MessageLargerThanTheCapIsOutOfMemory() {
        try (Backend b = openWithCap(64 << 10)) {
            Sha256Input in = new Sha256Input.Messages(List.of(new byte[10], new byte[100_000]));
            try (var k = b.prepare(Tasks.SHA256, in)) {
                DeviceOutOfMemoryException e = assertThrows(DeviceOutOfMemoryException.class, () -> k.run(in));
                assertEquals(100_000, e.requestedBytes());
                assertEquals(64 << 10, e.availableBytes());
            }
        }
    }

    @Test
    void blurSplitsIntoBandsWithHalos() {
        Image rgba = SyntheticImages.generate(640, 480, 4, SEED);
        Image gray = SyntheticImages.generate(301, 211, 1, SEED + 1);
        assertSplitAndEqual(1 << 20, Tasks.BLUR, new BlurInput(List.of(rgba), BlurSpec.gaussian(3)), "gaussian 3");
        // radius 40 > the local tile radius: the global-memory path, in bands
        assertSplitAndEqual(1 << 20, Tasks.BLUR, new BlurInput(List.of(rgba), BlurSpec.box(40)), "box 40");
        // 211 rows of 301 16-bit row-pass samples are 127 KB: a 64 KiB cap holds 108 rows, the halo 72
        assertSplitAndEqual(64 << 10, Tasks.BLUR, new BlurInput(List.of(gray), BlurSpec.gaussian(12)),
                "gaussian 12 gray");
    }

    @Test
    void blurRowTooWideForTheCapIsOutOfMemory() {
        try (Backend b = openWithCap(64 << 10)) {
            BlurInput in = new BlurInput(List.of(SyntheticImages.generate(5000, 3, 4, SEED)), BlurSpec.gaussian(1));
            try (var k = b.prepare(Tasks.BLUR, in)) {
                DeviceOutOfMemoryException e = assertThrows(DeviceOutOfMemoryException.class, () -> k.run(in));
                // three rows (one and its halo) of the 16-bit row-pass output: 2 bytes per sample
                assertEquals(2L * 5000 * 4 * 3, e.requestedBytes());
                assertEquals(64 << 10, e.availableBytes());
            }
        }
    }
}
