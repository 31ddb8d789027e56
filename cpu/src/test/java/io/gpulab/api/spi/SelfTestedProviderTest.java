package io.gpulab.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.Availability;
import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.DeviceInfo;
import io.gpulab.api.Kernel;
import io.gpulab.api.Task;
import io.gpulab.cpu.seq.SeqBackend;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Checks the shared probe: run once and cached, failures become the reason, a failed self-test keeps devices. */
class SelfTestedProviderTest {

    private static final DeviceInfo DEVICE = new DeviceInfo("test:0", "test device", Map.of());

    @Test
    void probesOnceEvenWhenThreadsAskTogether() throws InterruptedException {
        AtomicInteger probes = new AtomicInteger();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TestProvider p = new TestProvider(() -> {
            probes.incrementAndGet();
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Availability.available(List.of(DEVICE));
        });
        List<Thread> threads = new ArrayList<>();
        List<Availability> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> seen.add(p.probe()));
            threads.add(t);
            t.start();
        }
        assertTrue(entered.await(10, TimeUnit.SECONDS), "the first probe started");
        // hold the first probe until the other callers wait for it, so that they really ask at the same time
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (threads.stream().filter(t -> t.getState() == Thread.State.BLOCKED).count() < 3
                && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        release.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, probes.get(), "one probe for four concurrent first calls");
        assertEquals(4, seen.size());
        for (Availability a : seen) {
            assertSame(seen.get(0), a, "every caller gets the cached availability");
        }
        assertSame(seen.get(0), p.probe());
        assertEquals(1, probes.get());
    }

    @Test
    void aThrowingProbeBecomesTheReasonAndIsCached() {
        AtomicInteger probes = new AtomicInteger();
        TestProvider p = new TestProvider(() -> {
            probes.incrementAndGet();
            throw new UnsatisfiedLinkError("no libfoo in java.library.path");
        });
        Availability a = p.probe();
        assertFalse(a.available());
        assertEquals("UnsatisfiedLinkError: no libfoo in java.library.path", a.reason());
        p.probe();
        assertEquals(1, probes.get(), "a failed probe is cached too");
    }

    @Test
    void selfTestPassesOnSeqAndClosesTheBackend() {
        AtomicBoolean closed = new AtomicBoolean();
        TestProvider p = new TestProvider(null);
        Availability a = p.selfTestOn(new ClosingBackend(new SeqBackend(), closed, null));
        assertTrue(a.available(), String.valueOf(a.reason()));
        assertEquals(List.of(DEVICE), a.devices());
        assertTrue(closed.get(), "the probed backend is closed");
    }

    @Test
    void aFailedSelfTestKeepsTheDevicesAndSaysWhy() {
        AtomicBoolean closed = new AtomicBoolean();
        TestProvider p = new TestProvider(null);
        Availability a = p.selfTestOn(new ClosingBackend(new SeqBackend(), closed, "digest"));
        assertFalse(a.available());
        assertTrue(a.reason().startsWith("self-test failed: SHA-256(\"abc\") gave "), a.reason());
        assertEquals(List.of(DEVICE), a.devices());
        assertTrue(closed.get(), "the probed backend is closed");
    }

    @Test
    void aWrongSyntheticFoldFailsTheSelfTest() {
        AtomicBoolean closed = new AtomicBoolean();
        Availability a = new TestProvider(null).selfTestOn(new ClosingBackend(new SeqBackend(), closed, "fold"));
        assertFalse(a.available());
        assertTrue(a.reason().startsWith("self-test failed: the fold of 2 synthetic 64-byte messages gave "),
                a.reason());
        assertTrue(closed.get(), "the probed backend is closed");
    }

    /** A provider whose probe is a supplier, exposing {@link #selfTest} to the test. */
    private static final class TestProvider extends SelfTestedProvider {
        private final Supplier<Availability> probe;

        TestProvider(Supplier<Availability> probe) {
            super("test", SeqBackend.KERNELS);
            this.probe = probe;
        }

        @Override
        protected Availability probeOnce() {
            return probe.get();
        }

        Availability selfTestOn(Backend b) {
            return selfTest(b, List.of(DEVICE));
        }

        @Override
        public Backend open(BackendOptions options) {
            throw new UnsupportedOperationException("not opened in this test");
        }
    }

    /**
     * Wraps seq, records its closing and breaks the SHA-256 answer: the first digest of given messages when
     * {@code breakSha} is "digest", the fold of a synthetic batch when it is "fold", nothing when it is null.
     */
    private record ClosingBackend(Backend inner, AtomicBoolean closed, String breakSha) implements Backend {

        @Override
        public String id() {
            return "test";
        }

        @Override
        public String device() {
            return "test device";
        }

        @Override
        @SuppressWarnings("unchecked")
        public <I, O> Kernel<I, O> prepare(Task<I, O> task, I input) {
            Kernel<I, O> k = inner.prepare(task, input);
            if (breakSha == null || !task.id().equals("sha256")) {
                return k;
            }
            return in -> {
                Sha256Output out = (Sha256Output) k.run(in);
                if (breakSha.equals("digest") && in instanceof Sha256Input.Messages) {
                    byte[] d = out.digests().get(0).clone();
                    d[0] ^= 1;
                    return (O) new Sha256Output(out.fold(), List.of(d));
                }
                if (breakSha.equals("fold") && in instanceof Sha256Input.Synthetic) {
                    byte[] f = out.fold().clone();
                    f[31] ^= 1;
                    return (O) new Sha256Output(f, out.digests());
                }
                return (O) out;
            };
        }

        @Override
        public void close() {
            closed.set(true);
            inner.close();
        }
    }
}
