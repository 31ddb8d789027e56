package io.gpulab.bench;

import io.gpulab.api.Task;
import io.gpulab.tasks.Tasks;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Ties each task to its JMH class and its sizes, for the runner and the report. */
public enum BenchTask {
    /** The blur benchmarks. */
    BLUR(Tasks.BLUR, BlurBench.class, BlurSize.values()),
    /** The SHA-256 benchmarks. */
    SHA256(Tasks.SHA256, Sha256Bench.class, Sha256Size.values()),
    /** The sieve benchmarks. */
    SIEVE(Tasks.SIEVE, SieveBench.class, SieveSize.values());

    /** The size name {@code --quick} runs for every task. */
    public static final String QUICK = "QUICK";

    private final Task<?, ?> task;
    private final Class<?> benchClass;
    private final List<BenchSize<?>> sizes;

    BenchTask(Task<?, ?> task, Class<?> benchClass, BenchSize<?>[] sizes) {
        this.task = task;
        this.benchClass = benchClass;
        this.sizes = List.of(sizes);
    }

    /** Returns the task id: {@code blur}, {@code sha256} or {@code sieve}. */
    public String id() {
        return task.id();
    }

    /** Returns the work unit name, plural: pixels, hashes, numbers. */
    public String unit() {
        return task.unit();
    }

    /** Returns the JMH benchmark class. */
    public Class<?> benchClass() {
        return benchClass;
    }

    /** Returns every size, the quick one first. */
    public List<BenchSize<?>> sizes() {
        return sizes;
    }

    /** Returns the sizes a full run measures: all but the quick one. */
    public List<String> fullSizes() {
        return sizes.stream().map(BenchSize::name).filter(n -> !n.equals(QUICK)).toList();
    }

    /** Returns the size with this name, if this task has one. */
    public Optional<BenchSize<?>> size(String name) {
        return sizes.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Returns the task with this id, if any. */
    public static Optional<BenchTask> find(String id) {
        return Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst();
    }

    /** Returns the task whose JMH class has this simple name ({@code BlurBench}), if any. */
    public static Optional<BenchTask> forBenchClass(String simpleName) {
        return Arrays.stream(values()).filter(t -> t.benchClass.getSimpleName().equals(simpleName)).findFirst();
    }
}
