package io.gpulab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.Backends;
import io.gpulab.api.Kernel;
import io.gpulab.api.Size;
import io.gpulab.api.Task;
import io.gpulab.api.Verdict;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.Tasks;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

/**
 * The conformance test: every case of every task on one backend, checked against {@code seq}. A backend's test
 * extends this class and names the backend; an unavailable backend aborts (or fails when required), and a task the
 * backend does not declare (its provider's {@code tasks()}) is skipped with that reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BackendConformance {

    private BackendProvider provider;
    private Backend backend;
    private String unavailable;
    private Backend reference;

    /** Returns the id of the backend under test. */
    protected abstract String backendId();

    /** Returns the options the backend is opened with; override to pick a device or a worker count. */
    protected BackendOptions options() {
        return BackendOptions.defaults();
    }

    /**
     * Returns the backend whose outputs are the expected ones: {@code seq}, found on the class path like any other
     * backend; the test of {@code seq} itself overrides this with an independent oracle.
     */
    protected Backend openReference() {
        return Backends.find("seq").orElseThrow(() -> new AssertionError(
                "the conformance harness needs the seq backend (module gpulab-cpu) on the test class path"))
                .open(BackendOptions.defaults());
    }

    @BeforeAll
    void openBackend() {
        reference = openReference();
        try {
            provider = RequireBackend.available(backendId());
            backend = provider.open(options());
        } catch (TestAbortedException e) {
            // abort each test rather than the class, so reports count them as skipped with the reason
            unavailable = e.getMessage();
        }
    }

    @AfterAll
    void closeBackend() {
        if (backend != null) {
            backend.close();
        }
        reference.close();
    }

    /** Returns the backend under test, opened once for the class; aborts the calling test when unavailable. */
    protected Backend backend() {
        if (unavailable != null) {
            Assumptions.abort(unavailable);
        }
        return backend;
    }

    /** Runs every case of every task of gpulab; a task the backend does not declare is skipped with the reason. */
    @TestFactory
    Stream<DynamicContainer> everyTask() {
        backend();
        return Tasks.all().stream().map(t -> DynamicContainer.dynamicContainer(t.id(),
                ConformanceCases.of(t).stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
                    requireTask(t);
                    check(c);
                }))));
    }

    @Test
    void sieveListsTheSamePrimesAsSeq() {
        backend();
        requireTask(Tasks.SIEVE);
        for (long[] r : new long[][] {{0, 1000}, {1_000_000_000L, 1_000_100_000L}, {(1L << 32) - 5000, 1L << 32}}) {
            List<Long> expected = new ArrayList<>();
            List<Long> actual = new ArrayList<>();
            SieveInput ref = new SieveInput(r[0], r[1], expected::add);
            SieveInput in = new SieveInput(r[0], r[1], actual::add);
            try (var k = reference.prepare(Tasks.SIEVE, ref); var b = backend.prepare(Tasks.SIEVE, in)) {
                long refCount = k.run(ref).count();
                long count = b.run(in).count();
                assertEquals(refCount, count, where("sieve list [" + r[0] + ", " + r[1] + "]") + " count");
            }
            assertEquals(expected, actual, where("sieve list [" + r[0] + ", " + r[1] + "]") + " primes");
        }
    }

    /** Runs one kernel twice on each task's standard tiny input; both outputs must agree. */
    @TestFactory
    Stream<DynamicTest> kernelsAreReusableAcrossRuns() {
        backend();
        return Tasks.all().stream().map(t -> DynamicTest.dynamicTest(t.id(), () -> {
            requireTask(t);
            reuse(t);
        }));
    }

    private <I, O> void reuse(Task<I, O> task) {
        I input = task.input(Size.TINY, ConformanceCases.SEED);
        try (Kernel<I, O> k = backend.prepare(task, input)) {
            O first = k.run(input);
            O second = k.run(input);
            Verdict v = task.compare(first, second);
            assertTrue(v.ok(), where(task.id() + " tiny input (seed " + ConformanceCases.SEED + ")")
                    + " differs between two runs of one kernel: " + v);
        }
    }

    /** Aborts the calling test, with the reason, when the backend under test does not declare the task. */
    private void requireTask(Task<?, ?> task) {
        if (!provider.tasks().contains(task.id())) {
            Assumptions.abort("backend " + backendId() + " does not declare task " + task.id() + " (it runs "
                    + String.join(", ", provider.tasks()) + ")");
        }
    }

    private <I, O> void check(ConformanceCase<I, O> c) {
        O expected;
        try (Kernel<I, O> k = reference.prepare(c.task(), c.input())) {
            expected = k.run(c.input());
        }
        O actual;
        try (Kernel<I, O> k = backend.prepare(c.task(), c.input())) {
            actual = k.run(c.input());
        }
        Verdict v = c.task().compare(expected, actual);
        assertTrue(v.ok(), where(c.toString()) + ": " + v.mismatches() + " mismatch(es), first: "
                + v.firstMismatch());
    }

    private String where(String what) {
        return "task case " + what + " on backend " + backendId() + " (device " + backend.device() + ")";
    }
}
