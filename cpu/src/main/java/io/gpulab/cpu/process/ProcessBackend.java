package io.gpulab.cpu.process;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendException;
import io.gpulab.api.BackendOptionKey;
import io.gpulab.api.InvalidOptionException;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.Kernel;
import io.gpulab.api.Phase;
import io.gpulab.api.Task;
import io.gpulab.api.spi.KernelRegistry;
import io.gpulab.tasks.Tasks;
import io.gpulab.cpu.CpuInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the {@code process} backend: a pool of worker JVMs, started once when the backend opens (the {@code pool-start}
 * setup phase) and reused by every kernel it prepares, so repeats and JMH iterations run on warm workers.
 *
 * <p><b>Decomposition.</b> sieve: contiguous sub-ranges; sha256: contiguous chunks of messages; blur: bands of
 * rows with {@code r} halo rows. Each worker runs the seq building blocks ({@code SieveSeq.count},
 * {@code Sha256Seq.digestRange}, {@code BlurSeq.blur}) on its shard, so results equal seq bit for bit.
 *
 * <p><b>What crosses.</b> Bulk data (images, messages, digests, prime bitmaps) goes through files in shared memory
 * ({@code /dev/shm}, else the temp directory), deleted after each run; the workers' stdin and stdout carry only
 * small checked {@link Frame}s. A worker that dies, or hangs (no heartbeat, which it sends while its computation uses
 * CPU time, for longer than {@link BackendOptions#workerTimeout()}: a measure of progress, not of a shard's total
 * time), is replaced and its shard re-run, up to three attempts; each such event appears in {@link Kernel#events()}.
 *
 * <p><b>What processes cost in Java.</b> Unlike CPython, Java threads already run CPU work in parallel (see
 * {@code forkjoin}), so processes buy no parallelism. They cost a JVM start (a few hundred milliseconds) and a JIT
 * warm-up per worker, a copy of every input into shared memory and of every result out of it, no shared heap (the
 * sieving primes, the weights are rebuilt per shard), and a heap, metaspace and JIT code cache per worker. They pay
 * off for isolation: a crash, a native fault or an out-of-memory error kills one worker and one shard attempt, not
 * the caller; each worker has its own heap and garbage collector, so no pause stops them all; memory per worker can
 * be capped. See {@code docs/process-backend.md}.
 *
 * <p>Options: {@code workers} (default: available processors), {@code workerTimeout}, and in {@code extra}:
 * {@code process.workerHeap} (the workers' {@code -Xmx}, default {@value #DEFAULT_HEAP}), {@code process.shards}
 * (a fixed shard count, for tests and tuning) and {@code process.fault} (test-only fault injection, see
 * {@link Worker}).
 */
public final class ProcessBackend implements Backend {

    /** The tasks this backend runs and how it builds each one's kernel. */
    static final KernelRegistry<ProcessBackend> KERNELS = new KernelRegistry<ProcessBackend>("process")
            .add(Tasks.BLUR, (b, in) -> new BlurProcess(b.pool, b.fixedShards))
            .add(Tasks.SHA256, (b, in) -> new Sha256Process(b.pool, b.fixedShards))
            .add(Tasks.SIEVE, (b, in) -> new SieveProcess(b.pool, b.fixedShards));

    /** The default {@code -Xmx} of a worker: the sieving primes of a range ending at 10^18 need about 1.2 GiB. */
    public static final String DEFAULT_HEAP = "2g";

    /** The {@code -X} keys this backend reads, declared by {@link ProcessProvider#optionKeys()}. */
    static final List<BackendOptionKey> OPTION_KEYS = List.of(
            new BackendOptionKey("process.workerHeap", "the workers' -Xmx, such as 512m or 2g; default "
                    + DEFAULT_HEAP),
            new BackendOptionKey("process.shards", "a fixed shard count, for tests and tuning; default 4 per worker"),
            new BackendOptionKey("process.fault", "test-only fault injection, see the Worker class"));

    private final WorkerPool pool;
    private final int fixedShards;

    /**
     * Starts the worker pool described by the options; unknown extra keys are refused earlier, by
     * {@link io.gpulab.api.Backends#open}, against {@link ProcessProvider#optionKeys()}.
     *
     * @throws BackendException when an option is invalid or a worker JVM cannot start
     */
    public ProcessBackend(BackendOptions options) {
        String heap = options.extra().getOrDefault("process.workerHeap", DEFAULT_HEAP);
        if (!heap.matches("[0-9]+[kmgKMG]?")) {
            throw new InvalidOptionException("process.workerHeap must look like 512m or 2g: " + heap);
        }
        try {
            fixedShards = Integer.parseInt(options.extra().getOrDefault("process.shards", "0"));
        } catch (NumberFormatException e) {
            throw new InvalidOptionException("process.shards must be an integer: "
                    + options.extra().get("process.shards"));
        }
        if (options.workerTimeout().isNegative() || options.workerTimeout().isZero()) {
            throw new InvalidOptionException("worker timeout must be positive: " + options.workerTimeout());
        }
        List<String> command = WorkerProcess.command(heap, options.extra().get("process.fault"),
                heartbeatMillis(options.workerTimeout()));
        pool = new WorkerPool(options.effectiveWorkers(), command, options.workerTimeout());
    }

    /** Returns the heartbeat interval for this worker timeout: a quarter of it, between 10 ms and 1 s. */
    static long heartbeatMillis(java.time.Duration workerTimeout) {
        return Math.max(10, Math.min(1000, workerTimeout.toMillis() / 4));
    }

    @Override
    public String id() {
        return "process";
    }

    @Override
    public String device() {
        return CpuInfo.modelName() + ", " + pool.size() + " worker JVMs";
    }

    @Override
    public <I, O> Kernel<I, O> prepare(Task<I, O> task, I input) {
        return KERNELS.prepare(this, task, input);
    }

    /** Returns the seconds it took to start the worker JVMs, as {@code pool-start}. */
    @Override
    public Map<Phase, Double> setupPhases() {
        return Map.of(Phase.POOL_START, pool.startSeconds());
    }

    /** Returns the pids of the current worker JVMs, in slot order (for tests and diagnostics). */
    public List<Long> workerPids() {
        return pool.pids();
    }

    /** Returns the worker pool, so that tests in this package can build kernels with test-only parameters. */
    WorkerPool pool() {
        return pool;
    }

    /** Returns the pids of the workers that have a shard in flight right now (for tests and diagnostics). */
    public Set<Long> busyWorkerPids() {
        return pool.busyPids();
    }

    /** Stops every worker JVM: end of input first, a kill for any that has not exited two seconds later. */
    @Override
    public void close() {
        pool.close();
    }
}
