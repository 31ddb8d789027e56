package io.gpulab.cpu.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.Kernel;
import io.gpulab.cpu.forkjoin.ForkJoinBackend;
import io.gpulab.cpu.seq.SeqBackend;
import io.gpulab.images.Image;
import io.gpulab.images.SyntheticImages;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurOutput;
import io.gpulab.tasks.BlurSpec;
import io.gpulab.tasks.Tasks;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks that the CPU backends blur a direct (off-heap) image, as a GPU backend's {@code hostImage} makes it, to the
 * very output of its heap copy: seq and forkjoin read its {@code pixels()} copy, process ships it to the workers
 * through shared memory.
 */
class DirectImagesTest {

    private static Image direct(Image heap) {
        ByteBuffer m = ByteBuffer.allocateDirect(heap.sampleCount());
        m.put(heap.pixels()).flip();
        return Image.direct(heap.width(), heap.height(), heap.channels(), m);
    }

    private static BlurOutput run(Backend b, BlurInput in) {
        try (Kernel<BlurInput, BlurOutput> k = b.prepare(Tasks.BLUR, in)) {
            return k.run(in);
        }
    }

    @Test
    void everyCpuBackendBlursADirectImageAsItsHeapCopy() {
        List<Image> heap = List.of(SyntheticImages.generate(61, 47, 4, 12), SyntheticImages.generate(9, 70, 3, 13));
        BlurInput onHeap = new BlurInput(heap, BlurSpec.gaussian(2.5));
        BlurInput offHeap = new BlurInput(heap.stream().map(DirectImagesTest::direct).toList(), BlurSpec.gaussian(2.5));
        BlurOutput expected;
        try (Backend seq = new SeqBackend()) {
            expected = run(seq, onHeap);
            assertEquals(expected, run(seq, offHeap), "seq");
        }
        try (Backend fj = new ForkJoinBackend(3)) {
            assertEquals(run(fj, onHeap), run(fj, offHeap), "forkjoin");
        }
        try (ProcessBackend p = new ProcessBackend(new BackendOptions(null, 0, 2, Duration.ofMinutes(1), Map.of()))) {
            BlurOutput out = run(p, offHeap);
            assertEquals(run(p, onHeap), out, "process");
            assertTrue(Tasks.BLUR.compare(expected, out).ok());
        }
    }
}
