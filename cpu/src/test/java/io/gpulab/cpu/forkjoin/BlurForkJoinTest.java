package io.gpulab.cpu.forkjoin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.Kernel;
import io.gpulab.api.Verdict;
import io.gpulab.conformance.ConformanceCase;
import io.gpulab.conformance.ConformanceCases;
import io.gpulab.cpu.seq.BlurSeq;
import io.gpulab.images.SyntheticImages;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurOutput;
import io.gpulab.tasks.BlurSpec;
import io.gpulab.tasks.Tasks;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Checks the forkjoin blur against seq on every blur conformance case and on shapes that force row bands and
 * several strips, with 3 threads so that splits never line up with 2 cores. Opens the backend directly, because the
 * provider's self-test also needs the other forkjoin tasks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlurForkJoinTest {

    private final ForkJoinBackend backend = new ForkJoinBackend(3);

    @AfterAll
    void close() {
        backend.close();
    }

    @TestFactory
    Stream<DynamicTest> agreesWithSeqOnEveryConformanceCase() {
        return ConformanceCases.blur().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c.input(),
                c.toString())));
    }

    @TestFactory
    Stream<DynamicTest> agreesWithSeqAcrossBandsAndStrips() {
        return Stream.of(new int[] {2000, 300, 4}, new int[] {700, 1000, 1}, new int[] {513, 97, 3})
                .flatMap(s -> Stream.of(BlurSpec.gaussian(3), BlurSpec.box(7), BlurSpec.gaussian(40)).map(spec -> {
                    long seed = s[0] * 31L + s[1];
                    String name = s[0] + "x" + s[1] + "x" + s[2] + " " + spec + " seed " + seed;
                    BlurInput in = new BlurInput(List.of(SyntheticImages.generate(s[0], s[1], s[2], seed)), spec);
                    return DynamicTest.dynamicTest(name, () -> check(in, name));
                }));
    }

    private void check(BlurInput input, String name) {
        BlurOutput expected = new BlurSeq().run(input);
        Kernel<BlurInput, BlurOutput> k = backend.prepare(Tasks.BLUR, input);
        BlurOutput actual = k.run(input);
        Verdict v = Tasks.BLUR.compare(expected, actual);
        assertTrue(v.ok(), "forkjoin blur " + name + ": " + v);
        // the same code on the same tiles: forkjoin is bit-identical to seq, not just within tolerance
        for (int i = 0; i < expected.images().size(); i++) {
            assertTrue(expected.images().get(i).equals(actual.images().get(i)), "bit-identical " + name);
        }
    }
}
