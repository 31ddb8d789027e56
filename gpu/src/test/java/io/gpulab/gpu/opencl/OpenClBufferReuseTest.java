package io.gpulab.gpu.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.Kernel;
import io.gpulab.api.Task;
import io.gpulab.api.Verdict;
import io.gpulab.conformance.RequireBackend;
import io.gpulab.cpu.seq.SeqBackend;
import io.gpulab.gpu.BlurGpu;
import io.gpulab.gpu.Sha256Gpu;
import io.gpulab.gpu.SieveGpu;
import io.gpulab.images.Image;
import io.gpulab.images.SyntheticImages;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurSpec;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.Tasks;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs one prepared kernel of each task several times with inputs that grow, shrink and grow again: every run
 * agrees with {@code seq} (so a reused buffer never leaks an earlier run's data), the device bytes a kernel holds
 * grow only when a run needs more, stay put when it needs less, and are released on close.
 */
class OpenClBufferReuseTest {

    private static BackendProvider provider;

    @BeforeAll
    static void requireOpenCl() {
        provider = RequireBackend.available("opencl");
    }

    /**
     * Runs the inputs in order on one kernel prepared for the first; {@code grows[i]} says whether input i needs
     * more device memory than every earlier one.
     */
    private static <I, O> void assertReuse(Task<I, O> task, List<I> inputs, boolean[] grows,
            ToLongFunction<Kernel<I, O>> deviceBytes) {
        try (Backend seq = new SeqBackend(); Backend b = provider.open(BackendOptions.defaults())) {
            Kernel<I, O> k = b.prepare(task, inputs.get(0));
            long held = deviceBytes.applyAsLong(k);
            for (int i = 0; i < inputs.size(); i++) {
                I in = inputs.get(i);
                O expected;
                try (Kernel<I, O> ref = seq.prepare(task, in)) {
                    expected = ref.run(in);
                }
                Verdict v = task.compare(expected, k.run(in));
                assertTrue(v.ok(), task.id() + " run " + i + " on a reused kernel: " + v);
                long now = deviceBytes.applyAsLong(k);
                if (grows[i]) {
                    assertTrue(now > held, task.id() + " run " + i + " needed more but holds " + now + " <= " + held);
                } else {
                    assertEquals(held, now, task.id() + " run " + i + " fits the buffers it had");
                }
                held = now;
            }
            k.close();
            assertEquals(0, deviceBytes.applyAsLong(k), task.id() + " releases its buffers on close");
        }
    }

    @Test
    void blurReusesAndGrowsItsBuffers() {
        List<BlurInput> inputs = new ArrayList<>();
        int[][] shapes = {{64, 48, 4}, {200, 150, 3}, {31, 17, 1}, {200, 150, 4}, {640, 480, 4}, {200, 150, 3}};
        // radii 6, 2, 1, 4, 18 (the weights grow only in the fifth run, with its image) and 3
        BlurSpec[] specs = {BlurSpec.gaussian(2), BlurSpec.box(2), BlurSpec.box(1), BlurSpec.box(4),
            BlurSpec.gaussian(6), BlurSpec.gaussian(1)};
        for (int i = 0; i < shapes.length; i++) {
            Image img = SyntheticImages.generate(shapes[i][0], shapes[i][1], shapes[i][2], 100 + i);
            inputs.add(new BlurInput(List.of(img), specs[i]));
        }
        assertReuse(Tasks.BLUR, inputs, new boolean[] {true, true, false, true, true, false},
                k -> ((BlurGpu) k).deviceBytes());
    }

    @Test
    void sha256ReusesAndGrowsItsBuffers() {
        List<Sha256Input> inputs = List.of(messages(10, 100), messages(300, 900), messages(5, 3000),
                new Sha256Input.Synthetic(200, 64, 2, 7), messages(2000, 700),
                new Sha256Input.Synthetic(5000, 10, 1, 3));
        // synthetic batches hold only one 32-byte partial fold per work-group, so they never grow the buffers here
        assertReuse(Tasks.SHA256, inputs, new boolean[] {true, true, false, false, true, false},
                k -> ((Sha256Gpu) k).deviceBytes());
    }

    @Test
    void sieveReusesAndGrowsItsBuffers() {
        // listing runs compare their counts; the listed primes themselves are checked by OpenClSplittingTest
        List<SieveInput> inputs = List.of(SieveInput.count(0, 1_000_000), SieveInput.count(0, 100_000_000),
                new SieveInput(90_000_000, 90_500_000, p -> { }), SieveInput.count(5_000, 6_000),
                new SieveInput(1_000_000_000_000L, 1_000_010_000_000L, p -> { }));
        assertReuse(Tasks.SIEVE, inputs, new boolean[] {true, true, true, false, true},
                k -> ((SieveGpu) k).deviceBytes());
    }

    private static Sha256Input messages(int count, int maxLength) {
        List<byte[]> msgs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] m = new byte[(i * 7919) % (maxLength + 1)];
            for (int j = 0; j < m.length; j++) {
                m[j] = (byte) (i * 31 + j);
            }
            msgs.add(m);
        }
        return new Sha256Input.Messages(msgs);
    }
}
