package io.gpulab.spark;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendException;
import io.gpulab.api.BackendUnavailableException;
import io.gpulab.api.InvalidOptionException;
import io.gpulab.api.Kernel;
import io.gpulab.api.Phase;
import io.gpulab.api.Task;
import io.gpulab.api.spi.SelfTest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The {@code spark} backend: one Spark application (one {@link JavaSparkContext}) per opened backend, which starts
 * the local cluster when the master is {@code local-cluster[...]} (its master and workers in this JVM, every executor
 * its own JVM) and stops it, executors included, on close. Kernels cut their input with {@link ShardPlan} and run
 * every shard on the inner backend of an executor.
 *
 * <p>What crosses the network: the shards (two longs for a sieve range, six numbers for a synthetic sha256 range,
 * the messages themselves for given messages, a band of pixels with its halo for blur) and their partial outputs (a
 * count, the gaps between listed primes, 4 longs of fold, 32 bytes per digest, the band's blurred rows).
 */
final class SparkBackend implements Backend {

    /** How long opening waits for the executors a master promises; a local cluster starts in a few seconds. */
    private static final long EXECUTOR_WAIT_MILLIS = 120_000;

    private final SparkSettings settings;
    private final JavaSparkContext sc;
    private final SparkJobs jobs;
    private final Map<Phase, Double> setup = new EnumMap<>(Phase.class);
    private final String device;

    private SparkBackend(SparkSettings settings) {
        this.settings = settings;
        SparkConf conf = conf(settings);
        long t0 = System.nanoTime();
        try {
            sc = new JavaSparkContext(conf);
        } catch (RuntimeException e) {
            String m = SelfTest.oneLine(e);
            if (m.contains("Could not parse Master URL") || m.contains("Master must either be")) {
                throw new InvalidOptionException("-X spark.master=" + settings.master() + ": " + m);
            }
            throw new BackendUnavailableException("backend spark could not start Spark on " + settings.master()
                    + ": " + m, e);
        }
        long t1 = System.nanoTime();
        int executors;
        try {
            executors = awaitExecutors();
        } catch (RuntimeException e) {
            sc.stop();
            throw e;
        }
        long t2 = System.nanoTime();
        setup.put(Phase.CLUSTER_START, (t1 - t0) / 1e9);
        setup.put(Phase.EXECUTOR_LAUNCH, (t2 - t1) / 1e9);
        int taskCpus = conf.getInt("spark.task.cpus", 1);
        int slots = Math.max(1, sc.defaultParallelism() / taskCpus);
        if (settings.gpusPerTask() > 0) {
            int perExecutor = conf.getInt("spark.executor.resource.gpu.amount", settings.gpusPerTask());
            slots = Math.max(1, Math.min(slots, executors * perExecutor / settings.gpusPerTask()));
        }
        jobs = new SparkJobs(sc, settings.inner(), settings.gpusPerTask(), slots);
        device = String.format(Locale.ROOT, "spark %s (Spark %s): %d executors, %d task slots, inner %s%s",
                settings.master(), sc.version(), executors, slots, settings.inner(),
                settings.gpusPerTask() > 0 ? ", " + settings.gpusPerTask() + " GPU per task" : "");
    }

    /** Starts Spark with these settings and waits for its executors. */
    static SparkBackend open(SparkSettings settings) {
        return new SparkBackend(settings);
    }

    private static SparkConf conf(SparkSettings s) {
        SparkConf conf = new SparkConf(true);
        conf.setIfMissing("spark.app.name", "gpulab");
        conf.setMaster(s.master());
        conf.setIfMissing("spark.ui.enabled", "false");
        if (s.onThisMachine()) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        List<String> own = ownClassPath();
        if (s.localCluster()) {
            checkSparkHome();
            conf.setIfMissing("spark.executor.extraClassPath", String.join(File.pathSeparator, own));
        } else if (!conf.contains("spark.jars") && !s.onThisMachine()) {
            conf.set("spark.jars", String.join(",", own.stream().filter(p -> p.endsWith(".jar")).toList()));
        }
        if (s.gpusPerTask() > 0) {
            String n = Integer.toString(s.gpusPerTask());
            conf.setIfMissing("spark.task.resource.gpu.amount", n);
            conf.setIfMissing("spark.executor.resource.gpu.amount", n);
            if (s.localCluster()) {
                if (!s.conf().containsKey("spark.worker.resource.gpu.discoveryScript")) {
                    throw new InvalidOptionException("-X spark.gpusPerTask on " + s.master() + " needs -X "
                            + "spark.worker.resource.gpu.discoveryScript=SCRIPT (docs/cluster.md shows one)");
                }
                conf.setIfMissing("spark.worker.resource.gpu.amount", conf.get("spark.executor.resource.gpu.amount"));
            }
        }
        s.conf().forEach(conf::set);
        return conf;
    }

    /**
     * Checks what the workers of a local cluster need to launch executors: {@code SPARK_HOME} with Spark's jars in
     * {@code jars/}, and {@code SPARK_SCALA_VERSION}; without them every executor fails to start.
     */
    private static void checkSparkHome() {
        String home = System.getenv("SPARK_HOME");
        String hint = "; ./gpulab sets both, the spark module's build makes spark/target/spark-home (docs/cluster.md)";
        if (home == null || !Files.isDirectory(Path.of(home, "jars"))) {
            throw new BackendUnavailableException("backend spark: a local cluster needs SPARK_HOME naming a folder "
                    + "with Spark's jars in jars/ (SPARK_HOME is " + (home == null ? "not set" : home) + ")" + hint);
        }
        if (System.getenv("SPARK_SCALA_VERSION") == null) {
            throw new BackendUnavailableException("backend spark: a local cluster needs SPARK_SCALA_VERSION=2.13"
                    + hint);
        }
    }

    /** Returns the class path entries of this JVM that are not Spark's own jars: gpulab and its libraries. */
    static List<String> ownClassPath() {
        String home = System.getenv("SPARK_HOME");
        Path jars = home == null ? null : Path.of(home, "jars").toAbsolutePath().normalize();
        List<String> own = new ArrayList<>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (e.isEmpty()) {
                continue;
            }
            Path p = Path.of(e).toAbsolutePath().normalize();
            if (jars == null || !jars.equals(p.getParent())) {
                own.add(p.toString());
            }
        }
        return own;
    }

    /** Waits until the executors the master promises have registered; returns how many did. */
    private int awaitExecutors() {
        int expected = settings.localWorkers();
        if (!settings.localCluster()) {
            expected = settings.onThisMachine() ? 0 : sc.getConf().getInt("spark.executor.instances", 1);
        }
        long deadline = System.currentTimeMillis() + EXECUTOR_WAIT_MILLIS;
        int have = executorCount();
        while (have < expected) {
            if (System.currentTimeMillis() > deadline) {
                throw new BackendUnavailableException("backend spark: " + have + " of " + expected + " executors "
                        + "registered with " + settings.master() + " in " + EXECUTOR_WAIT_MILLIS / 1000 + " s (the "
                        + "workers' logs are under SPARK_HOME/work)");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackendException("interrupted while waiting for Spark executors", e);
            }
            have = executorCount();
        }
        // plain local[...] runs its tasks in the driver, which the tracker does not count as an executor
        return settings.onThisMachine() && !settings.localCluster() ? 1 : have;
    }

    private int executorCount() {
        // the status tracker lists the driver too
        return Math.max(0, sc.statusTracker().getExecutorInfos().length - 1);
    }

    /** Returns the runner of shards on this cluster. */
    SparkJobs jobs() {
        return jobs;
    }

    /** Returns the Spark context, for the status of running jobs. */
    JavaSparkContext context() {
        return sc;
    }

    @Override
    public String id() {
        return "spark";
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public <I, O> Kernel<I, O> prepare(Task<I, O> task, I input) {
        return SparkKernel.KERNELS.prepare(new SparkKernel.Host(jobs, jobs, settings.shards()), task, input);
    }

    @Override
    public Map<Phase, Double> setupPhases() {
        return Map.copyOf(setup);
    }

    /** Stops the Spark application; with a local cluster its master, workers and executor JVMs stop too. */
    @Override
    public void close() {
        sc.stop();
    }
}
