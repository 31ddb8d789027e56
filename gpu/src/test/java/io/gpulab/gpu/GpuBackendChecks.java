package io.gpulab.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.Backend;
import io.gpulab.api.Kernel;
import io.gpulab.api.Task;
import io.gpulab.api.Verdict;
import io.gpulab.conformance.RequireBackend;
import io.gpulab.cpu.seq.SeqBackend;
import io.gpulab.gpu.device.Device;
import io.gpulab.gpu.device.DeviceBuffer;
import io.gpulab.gpu.device.DeviceEvent;
import io.gpulab.images.Image;
import io.gpulab.images.SyntheticImages;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurOutput;
import io.gpulab.tasks.BlurSpec;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveOutput;
import io.gpulab.tasks.Tasks;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks the order of work of the shared GPU host code on a runtime's device, through {@link RecordingDevice}: what
 * happens in {@code prepare} and what in a run, which launches go back to back without the host waiting, the
 * progress count, and the handling of CUDA's grid and offset limits (reported by the recording device on every
 * runtime). Results are checked against {@code seq}. Each runtime's test extends this class.
 */
public abstract class GpuBackendChecks {

    /** CUDA's limit of blocks in a grid's second dimension. */
    private static final int CUDA_GROUPS_Y = 65535;
    /** The offset alignment the CUDA runtime reports. */
    private static final long CUDA_ALIGNMENT = 256;

    /** Returns the runtime's backend id, which must be available (or the test aborts, or fails where required). */
    protected abstract String runtime();

    /** Opens the runtime's default device with no options. */
    protected abstract Device openDevice();

    /** Opens the runtime's default device with its per-buffer budget capped at {@code maxBufferBytes}. */
    protected abstract Device openDevice(long maxBufferBytes);

    /**
     * Returns whether the work before a marker of this runtime's device has finished, asked without waiting (the
     * device's context current, inside its {@code guard}).
     */
    protected abstract boolean completed(Device device, DeviceEvent marker);

    @BeforeEach
    public void requireRuntime() {
        RequireBackend.available(runtime());
    }

    private RecordingDevice device() {
        return new RecordingDevice(openDevice(), CUDA_GROUPS_Y, CUDA_ALIGNMENT);
    }

    private static <I, O> O seq(Task<I, O> task, I input) {
        try (Backend seq = new SeqBackend(); Kernel<I, O> k = seq.prepare(task, input)) {
            return k.run(input);
        }
    }

    @Test
    public void aFailedJobLeavesNoCopyInFlight() {
        int n = 64 << 20;
        List<DeviceEvent> marks = new ArrayList<>();
        try (Device d = openDevice(); DeviceBuffer b = d.buffer("drain", DeviceBuffer.Access.SCRATCH)) {
            ByteBuffer out = d.hostMemory(n);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> d.guard("failing job", () -> {
                d.beginRun();
                b.ensure(n);
                for (int i = 0; i < 16; i++) {
                    // 1 GiB down on each queue: tens of milliseconds over PCIe, about 0.2 s of memcpy on PoCL
                    for (int q = 0; q < Device.QUEUES; q++) {
                        d.queue(q);
                        b.download(0, n, out, 0);
                    }
                }
                for (int q = 0; q < Device.QUEUES; q++) {
                    d.queue(q);
                    marks.add(d.mark());
                }
                throw new IllegalStateException("the host fails with the copies enqueued");
            }));
            assertEquals("the host fails with the copies enqueued", e.getMessage());
            for (DeviceEvent m : marks) {
                assertTrue(d.guard("query a marker", () -> completed(d, m)),
                        "queue " + m.queue() + " still ran the failed job's copies");
            }
        }
    }

    @Test
    public void sieveBuildsAndUploadsItsSievingPrimesInPrepareNeverInTheRun() {
        SieveInput in = SieveInput.count(1_000_000_000_000L, 1_000_000_000_000L + 3_000_000);
        RecordingDevice d = device();
        try (Backend b = new GpuBackend(d); Kernel<SieveInput, SieveOutput> k = b.prepare(Tasks.SIEVE, in)) {
            assertTrue(d.ops().contains("upload sieving primes"), "prepare uploads the primes: " + d.ops());
            var out = k.run(in);
            assertFalse(d.ops().stream().anyMatch(op -> op.startsWith("upload")), "the run uploads: " + d.ops());
            assertTrue(Tasks.SIEVE.compare(seq(Tasks.SIEVE, in), out).ok());
            SieveInput smaller = SieveInput.count(5, 1_000_000);
            k.run(smaller);
            assertFalse(d.ops().contains("upload sieving primes"), "a smaller range reuses them: " + d.ops());
        }
    }

    @Test
    public void sha256SyntheticLaunchesOfARoundRunBackToBackWithOneDownload() {
        Sha256Input in = new Sha256Input.Synthetic((1 << 20) + 1000, 32, 1, 77);
        RecordingDevice d = device();
        try (Backend b = new GpuBackend(d); Kernel<Sha256Input, Sha256Output> k = b.prepare(Tasks.SHA256, in)) {
            var out = k.run(in);
            // 32-byte messages hashed once take the loop-free one-block kernel
            String launch = "launch " + Sha256Gpu.SYNTHETIC_ONE_BLOCK.name();
            assertEquals(List.of(launch, launch, "download sha256 digests or partial folds", "sync"), d.ops());
            assertEquals(Tasks.SHA256.workUnits(in), k.workDone(), "every hash counted once for the progress line");
            Verdict v = Tasks.SHA256.compare(seq(Tasks.SHA256, in), out);
            assertTrue(v.ok(), v.toString());
        }
    }

    @Test
    public void sha256MessagesPackTheNextLaunchWhileTheDeviceHashesAndRefillASetOnlyAfterItsDownload() {
        long seed = 16;
        SplittableRandom rnd = new SplittableRandom(seed);
        List<byte[]> msgs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            byte[] m = new byte[rnd.nextInt(1500)];
            rnd.nextBytes(m);
            msgs.add(m);
        }
        Sha256Input in = new Sha256Input.Messages(msgs);
        // a 32 KiB budget cuts the 300 KB of messages into about 10 launches; the recording device fails the run
        // where a buffer set's staging areas are refilled before the host waited for the copies of its last launch
        RecordingDevice d = new RecordingDevice(openDevice(), CUDA_GROUPS_Y, CUDA_ALIGNMENT, 32 << 10);
        try (Backend b = new GpuBackend(d); Kernel<Sha256Input, Sha256Output> k = b.prepare(Tasks.SHA256, in)) {
            var out = k.run(in);
            Verdict v = Tasks.SHA256.compare(seq(Tasks.SHA256, in), out);
            assertTrue(v.ok(), "seed " + seed + ": " + v);
            assertEquals(msgs.size(), k.workDone(), "every message counted once for the progress line");
            List<String> ops = d.ops();
            int launches = Collections.frequency(ops, "launch " + Sha256Gpu.MESSAGES.name());
            assertTrue(launches >= 6, launches + " launches: " + ops);
            assertFalse(ops.contains("sync"), "no wait for the whole queue inside the run: " + ops);
            assertEquals(launches, Collections.frequency(ops, "mark"), "one marker per launch: " + ops);
            // the host waits for launch i (its i-th wait) only after it enqueued launch i + 1, the last one aside
            int launched = 0;
            int waits = 0;
            for (String op : ops) {
                if (op.startsWith("launch ")) {
                    launched++;
                } else if (op.startsWith("host wait")) {
                    waits++;
                    assertTrue(launched > waits || waits == launches, "wait " + waits + " after only " + launched
                            + " launches: " + ops);
                }
            }
            assertEquals(launches, waits, "every launch waited for once: " + ops);
        }
    }

    @Test
    public void blurBandsKeepTheRowPassWithinCudasGridLimit() {
        BlurInput in = new BlurInput(List.of(SyntheticImages.generate(3, CUDA_GROUPS_Y + 5000, 1, 5)),
                BlurSpec.gaussian(2));
        RecordingDevice d = device();
        try (Backend b = new GpuBackend(d); Kernel<BlurInput, BlurOutput> k = b.prepare(Tasks.BLUR, in)) {
            var out = k.run(in);
            // one band on each queue
            assertEquals(1, Collections.frequency(d.ops(), "launch blur_rows"), d.ops().toString());
            assertEquals(1, Collections.frequency(d.ops(), "launch blur_rows q1"), d.ops().toString());
            assertTrue(k.events().stream().anyMatch(e -> e.contains("split into 2 bands")), k.events().toString());
            assertEquals(Tasks.BLUR.workUnits(in), k.workDone(), "every pixel counted once for the progress line");
            Verdict v = Tasks.BLUR.compare(seq(Tasks.BLUR, in), out);
            assertTrue(v.ok(), v.toString());
        }
    }

    @Test
    public void sieveCountingLaunchesOfARoundRunBackToBackWithOneDownload() {
        long span = 2L * SieveGpu.WORDS * 32 * SieveGpu.MAX_SEGMENTS_PER_LAUNCH;
        SieveInput in = SieveInput.count(0, span + 1000);
        RecordingDevice d = device();
        try (Backend b = new GpuBackend(d); Kernel<SieveInput, SieveOutput> k = b.prepare(Tasks.SIEVE, in)) {
            var out = k.run(in);
            String launch = "launch " + SieveGpu.SEGMENTS.name();
            assertEquals(List.of(launch, launch, "download segment counts", "sync"), d.ops());
            assertEquals(Tasks.SIEVE.workUnits(in), k.workDone(), "every number counted once for the progress line");
            assertTrue(Tasks.SIEVE.compare(seq(Tasks.SIEVE, in), out).ok());
        }
    }

    @Test
    public void sieveBucketFillsAndSievesOfARoundRunBackToBackWithOneDownload() {
        long span = 2L * SieveGpu.WORDS * 32 * SieveGpu.MAX_SEGMENTS_PER_LAUNCH;
        long from = 1_000_000_000_000L;
        SieveInput in = SieveInput.count(from, from + span + 1000);
        RecordingDevice d = device();
        try (Backend b = new GpuBackend(d); Kernel<SieveInput, SieveOutput> k = b.prepare(Tasks.SIEVE, in)) {
            var out = k.run(in);
            String fill = "launch " + SieveGpu.BUCKETS.name();
            String sieve = "launch " + SieveGpu.SEGMENTS.name();
            // primes above 2^17 (to 10^6) are bucketed: each launch's fill goes just before its sieve
            assertEquals(List.of(fill, sieve, fill, sieve, "download segment counts", "sync"), d.ops());
            assertTrue(k.events().stream().anyMatch(e -> e.contains("66268 primes bucketed")), k.events().toString());
            assertTrue(Tasks.SIEVE.compare(seq(Tasks.SIEVE, in), out).ok());
        }
    }

    @Test
    public void sieveBucketOverflowSievesTheLaunchAgainWithTheCapDoubledAndCountsExactly() {
        // 8 entries per chunk where about 20,900 are expected near 10^12: every launch overflows, and each re-run
        // doubles the cap until it holds (or reaches the bucketed primes, where no bucket can overflow)
        long from = 1_000_000_000_000L - 3_000_000;
        SieveInput in = SieveInput.count(from, from + 6_000_000);
        try (RecordingDevice d = device(); SieveGpu k = new SieveGpu(d, in, 8)) {
            SieveOutput out = k.run(in);
            Verdict v = Tasks.SIEVE.compare(seq(Tasks.SIEVE, in), out);
            assertTrue(v.ok(), v.toString());
            assertTrue(k.events().stream().anyMatch(e -> e.startsWith("sieve bucket overflow (over 8 entries")),
                    k.events().toString());
            assertTrue(k.events().stream().anyMatch(e -> e.contains("with 16384 entries per chunk")),
                    k.events().toString());
        }
        List<Long> expected = new ArrayList<>();
        List<Long> actual = new ArrayList<>();
        SieveInput ref = new SieveInput(from, from + 6_000_000, expected::add);
        SieveInput listed = new SieveInput(from, from + 6_000_000, actual::add);
        try (RecordingDevice d = device(); SieveGpu k = new SieveGpu(d, listed, 1000)) {
            assertEquals(seq(Tasks.SIEVE, ref).count(), k.run(listed).count());
            assertTrue(k.events().stream().anyMatch(e -> e.startsWith("sieve bucket overflow (over 1000 entries")),
                    k.events().toString());
        }
        assertEquals(expected, actual, "the primes listed after the re-runs");
    }

    @Test
    public void sieveBucketOverflowSplitsToTheBudgetAndFallsBackToPerChunkPrimesWhereTheCapNoLongerFits() {
        // a budget of 10^6 bytes: 3 segments' buckets at 8,000 entries per chunk (32 B per entry and segment), one
        // at 16,000, none at 32,000 (1,024,000 B): the second re-run visits the large primes per chunk instead
        long from = 1_000_000_000_000L;
        SieveInput in = SieveInput.count(from, from + 4L * 2 * SieveGpu.WORDS * 32 - 1001);
        try (RecordingDevice d = new RecordingDevice(openDevice(1_000_000), CUDA_GROUPS_Y, CUDA_ALIGNMENT);
                SieveGpu k = new SieveGpu(d, in, 8000)) {
            SieveOutput out = k.run(in);
            Verdict v = Tasks.SIEVE.compare(seq(Tasks.SIEVE, in), out);
            assertTrue(v.ok(), v.toString());
            List<String> events = k.events();
            assertTrue(events.stream().anyMatch(e -> e.contains("launches of at most 3 segments")), events.toString());
            assertTrue(events.stream().anyMatch(e -> e.contains("sieved again with 16000 entries per chunk")),
                    events.toString());
            assertTrue(events.stream().anyMatch(e -> e.contains("1 segment(s) from") && e.contains("without buckets")),
                    events.toString());
        }
    }

    @Test
    public void blurUploadsFromADirectImagesOwnMemoryAndDownloadsIntoTheOutputsOwnMemory() {
        Image heap = SyntheticImages.generate(3, CUDA_GROUPS_Y + 5000, 4, 6);
        RecordingDevice d = device();
        BlurOutput out;
        Image in;
        try (Backend b = new GpuBackend(d)) {
            in = b.hostImage(heap);
            assertTrue(in.isDirect());
            BlurInput input = new BlurInput(List.of(in), BlurSpec.gaussian(2));
            try (Kernel<BlurInput, BlurOutput> k = b.prepare(Tasks.BLUR, input)) {
                out = k.run(input);
            }
            List<String> copies = d.ops().stream().filter(op -> op.startsWith("upload blur source")
                    || op.startsWith("download blur output")).toList();
            assertEquals(List.of("upload blur source band direct", "download blur output band direct",
                    "upload blur source band direct q1", "download blur output band direct q1"), copies,
                    "two bands on the two queues, each straight from and into the images' memory, never staged: "
                    + d.ops());
            List<ByteBuffer> hosts = d.directHosts();
            Image result = out.images().get(0);
            assertTrue(result.isDirect());
            // the runtime got the images' own memory: a mark written through the image is seen through the copy's
            // buffer (a heap copy or a staging area would not see it)
            for (int k = 0; k < 2; k++) {
                in.buffer().put(k, (byte) (0x5A + k));
                assertEquals(0x5A + k, hosts.get(2 * k).get(k), "upload " + k + " read the input's memory");
            }
            in.buffer().put(0, heap.pixels()[0]);
            in.buffer().put(1, heap.pixels()[1]);
        }
        // the outputs stay valid after the kernel and the backend (the context, on CUDA) are closed
        Verdict v = Tasks.BLUR.compare(seq(Tasks.BLUR, new BlurInput(List.of(heap), BlurSpec.gaussian(2))), out);
        assertTrue(v.ok(), v.toString());
        Image result = out.images().get(0);
        byte old = result.buffer().get(7);
        result.buffer().put(7, (byte) (old + 1));
        assertEquals((byte) (old + 1), d.directHosts().get(1).get(7), "the download wrote the output's memory");
    }

    @Test
    public void theRecordingDeviceFailsAStagingAreaTakenBackBeforeItsCopyFinished() {
        RecordingDevice d = device();
        try (DeviceBuffer buf = d.buffer("probe", DeviceBuffer.Access.IN)) {
            d.beginRun();
            buf.ensure(64);
            buf.host().put(0, (byte) 1);
            buf.upload(64);
            assertThrows(AssertionError.class, buf::host, "host bytes rewritten while the upload may still read them");
            d.sync();
            buf.host().put(0, (byte) 2);
            d.endRun();
        } finally {
            d.close();
        }
    }

    @Test
    public void blurBatchAlternatesQueuesAndWaitsForAQueuesLastJobBeforeGivingItAnother() {
        List<Image> heap = List.of(SyntheticImages.generate(40, 30, 3, 1), SyntheticImages.generate(17, 13, 4, 2),
                SyntheticImages.generate(64, 9, 1, 3));
        RecordingDevice d = device();
        try (Backend b = new GpuBackend(d)) {
            // one heap image among direct ones: its band goes up through queue 0's staging area
            BlurInput in = new BlurInput(List.of(b.hostImage(heap.get(0)), b.hostImage(heap.get(1)), heap.get(2)),
                    BlurSpec.gaussian(1.5));
            try (Kernel<BlurInput, BlurOutput> k = b.prepare(Tasks.BLUR, in)) {
                BlurOutput out = k.run(in);
                List<String> expected = new ArrayList<>(List.of("upload blur weights", "mark", "await q0 q1",
                        "host memory 3600", "host memory 884", "host memory 576"));
                expected.addAll(job("direct", ""));
                expected.addAll(job("direct", " q1"));
                expected.add("host wait q0");
                expected.addAll(job("", ""));
                expected.addAll(List.of("host wait q0", "host wait q1"));
                assertEquals(expected, d.ops());
                assertEquals(Tasks.BLUR.workUnits(in), k.workDone(), "every pixel counted once");
                Verdict v = Tasks.BLUR.compare(seq(Tasks.BLUR, new BlurInput(heap, BlurSpec.gaussian(1.5))), out);
                assertTrue(v.ok(), v.toString());
            }
        }
    }

    @Test
    public void aSingleLargeFrameIsCutIntoBandsAlternatingQueuesOnAGpuAndNotOnACpuDevice() {
        Image heap = SyntheticImages.generate(1024, 768, 4, 16);
        BlurSpec spec = BlurSpec.gaussian(3);
        int bands = BlurBands.pipelineBands(1024, 768, 4, spec.radius());
        assertEquals(4, bands, "sqrt(2 x 3,145,728 B / (18 x 4,096 B + 262,144 B)) = 4.3");
        BlurOutput expected = seq(Tasks.BLUR, new BlurInput(List.of(heap), spec));
        byte[] oneBand;
        RecordingDevice cpu = device().reportAsGpu(false);
        try (Backend b = new GpuBackend(cpu)) {
            BlurInput in = new BlurInput(List.of(b.hostImage(heap)), spec);
            try (Kernel<BlurInput, BlurOutput> k = b.prepare(Tasks.BLUR, in)) {
                oneBand = k.run(in).images().get(0).pixels();
                List<String> expectedOps = new ArrayList<>(List.of("upload blur weights", "host memory 3145728"));
                expectedOps.addAll(job("direct", ""));
                expectedOps.add("host wait q0");
                assertEquals(expectedOps, cpu.ops(), "one band on one queue on a CPU device");
            }
        }
        // a heap input goes up through each queue's staging area: the recording device fails the run where one is
        // refilled before the host waited for its queue's last band
        for (boolean direct : new boolean[] {true, false}) {
            RecordingDevice gpu = device().reportAsGpu(true);
            try (Backend b = new GpuBackend(gpu)) {
                BlurInput in = new BlurInput(List.of(direct ? b.hostImage(heap) : heap), spec);
                try (Kernel<BlurInput, BlurOutput> k = b.prepare(Tasks.BLUR, in)) {
                    BlurOutput out = k.run(in);
                    String how = direct ? "direct" : "";
                    List<String> expectedOps = new ArrayList<>(List.of("upload blur weights", "mark", "await q0 q1",
                            "host memory 3145728"));
                    expectedOps.addAll(job(how, ""));
                    expectedOps.addAll(job(how, " q1"));
                    expectedOps.add("host wait q0");
                    expectedOps.addAll(job(how, ""));
                    expectedOps.add("host wait q1");
                    expectedOps.addAll(job(how, " q1"));
                    expectedOps.addAll(List.of("host wait q0", "host wait q1"));
                    assertEquals(expectedOps, gpu.ops(), "4 bands alternating queues, each queue's band waited for "
                            + "before its buffers take the next (" + (direct ? "direct" : "heap") + " input)");
                    assertTrue(k.events().stream().anyMatch(e -> e.contains("split into 4 bands of at most 192 rows "
                            + "(pipelined")), k.events().toString());
                    assertEquals(Tasks.BLUR.workUnits(in), k.workDone(), "every pixel counted once");
                    assertArrayEquals(oneBand, out.images().get(0).pixels(),
                            "4 pipelined bands give the one band's output byte for byte");
                    Verdict v = Tasks.BLUR.compare(expected, out);
                    assertTrue(v.ok(), v.toString());
                }
            }
        }
    }

    private static List<String> job(String how, String queue) {
        String direct = how.isEmpty() ? "" : " " + how;
        return List.of("upload blur source band" + direct + queue, "launch blur_rows" + queue,
                "launch blur_cols" + queue, "download blur output band direct" + queue, "mark" + queue);
    }

    @Test
    public void theRecordingDeviceFailsABufferUsedOnTheOtherQueueBeforeItsWriteIsAwaited() {
        RecordingDevice d = device();
        try (DeviceBuffer a = d.buffer("a", DeviceBuffer.Access.IN);
                DeviceBuffer out = d.buffer("out", DeviceBuffer.Access.OUT)) {
            d.beginRun();
            a.ensure(64);
            out.ensure(64);
            ByteBuffer host = d.hostMemory(64);
            a.upload(host, 0, 64);
            d.queue(1);
            assertThrows(AssertionError.class, () -> a.download(0, 64, host, 0),
                    "queue 1 reads what queue 0 may still be writing");
            d.queue(0);
            DeviceEvent written = d.mark();
            d.queue(1);
            d.await(written);
            a.download(0, 64, host, 0);
            d.queue(0);
            assertThrows(AssertionError.class, () -> a.upload(host, 0, 64),
                    "queue 0 overwrites what queue 1 may still be reading");
            d.hostWait(d.mark());
            d.queue(1);
            DeviceEvent read = d.mark();
            d.queue(0);
            d.await(read);
            a.upload(host, 0, 64);
            d.endRun();
        } finally {
            d.close();
        }
    }

    @Test
    public void blurWritesARunsOutputIntoTheMemoryOfAnOutputHandedBackAndOnlyThen() {
        Image heap = SyntheticImages.generate(70, 50, 4, 8);
        RecordingDevice d = device();
        try (Backend b = new GpuBackend(d)) {
            BlurInput in = new BlurInput(List.of(b.hostImage(heap)), BlurSpec.gaussian(2));
            BlurOutput expected = seq(Tasks.BLUR, new BlurInput(List.of(heap), BlurSpec.gaussian(2)));
            try (Kernel<BlurInput, BlurOutput> k = b.prepare(Tasks.BLUR, in)) {
                BlurOutput first = k.run(in);
                assertTrue(d.ops().contains("host memory 14000"), d.ops().toString());
                BlurOutput kept = k.run(in);
                assertTrue(d.ops().contains("host memory 14000"), "nothing handed back: new memory " + d.ops());
                k.recycle(kept);
                BlurOutput again = k.run(in);
                assertFalse(d.ops().stream().anyMatch(op -> op.startsWith("host memory")), d.ops().toString());
                assertTrue(Tasks.BLUR.compare(expected, again).ok());
                assertTrue(Tasks.BLUR.compare(expected, first).ok(), "an output not handed back is left alone");
                assertTrue(Tasks.BLUR.compare(expected, kept).ok(), "the recycled memory holds the new output");
                // the same memory: a mark written through one output shows through the other
                byte old = again.images().get(0).buffer().get(3);
                byte firsts = first.images().get(0).buffer().get(3);
                again.images().get(0).buffer().put(3, (byte) (old + 1));
                assertEquals((byte) (old + 1), kept.images().get(0).buffer().get(3));
                assertEquals(firsts, first.images().get(0).buffer().get(3), "the first output has memory of its own");
            }
        }
    }
}
