package io.gpulab.spark;

import io.gpulab.api.Availability;
import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptionKey;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.BackendUnavailableException;
import io.gpulab.api.Backends;
import io.gpulab.api.DeviceInfo;
import io.gpulab.api.Kernel;
import io.gpulab.api.Task;
import io.gpulab.api.spi.SelfTestedProvider;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Provides the {@code spark} backend. The probe stays cheap, since {@code gpulab backends} and {@code compare} call
 * it: it checks that Spark is on the class path and that the default inner backend runs, then self-tests the shard
 * plan by running its shards in this JVM; the cluster itself starts when the backend is opened.
 */
public final class SparkProvider extends SelfTestedProvider {

    /** Creates the provider; loads nothing of Spark. */
    public SparkProvider() {
        super("spark", SparkKernel.KERNELS);
    }

    @Override
    protected Availability probeOnce() {
        String version;
        try {
            version = org.apache.spark.package$.MODULE$.SPARK_VERSION();
        } catch (LinkageError e) {
            return Availability.unavailable("Apache Spark is not on the class path (" + e + "); build it with "
                    + "./gpulab --with-spark backends (docs/cluster.md)");
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("spark", version);
        props.put("default master", SparkSettings.defaultMaster() + " (-X spark.master=...)");
        props.put("default inner", "forkjoin (-X spark.inner=...)");
        String home = System.getenv("SPARK_HOME");
        props.put("SPARK_HOME", home == null ? "not set (a local cluster needs it; ./gpulab sets it)" : home);
        props.put("probe", "shards run in this JVM; the cluster starts when a run opens the backend");
        DeviceInfo d = new DeviceInfo("spark", "Apache Spark " + version, props);
        Backend inner = Backends.open("forkjoin", BackendOptions.defaults());
        return selfTest(new ShardsHere(inner), List.of(d));
    }

    /** Declares the backend's own keys, then every other {@code spark.*} key, which goes to Spark unchanged. */
    @Override
    public List<BackendOptionKey> optionKeys() {
        return List.of(
                new BackendOptionKey(SparkSettings.MASTER, "local-cluster[N,cores,memMB], local[*], spark://host:port, "
                        + "yarn, k8s://...; default a local cluster of two workers"),
                new BackendOptionKey(SparkSettings.INNER, "the backend each shard runs on: forkjoin (default), seq, "
                        + "process, opencl, cuda"),
                new BackendOptionKey(SparkSettings.GPUS, "GPUs per Spark task, 0 (default) or more"),
                new BackendOptionKey(SparkSettings.SHARDS, "shards per job, 0 (default: two per task slot) or more"),
                new BackendOptionKey("spark.*", "any other Spark setting, passed through"));
    }

    @Override
    public Backend open(BackendOptions options) {
        SparkSettings s = SparkSettings.parse(options.extra());
        if (options.device() != null && !options.device().equals("spark")) {
            throw new BackendUnavailableException("backend spark has no device '" + options.device()
                    + "'; choose where shards run with -X spark.inner=... and -X spark.gpusPerTask=...");
        }
        return SparkBackend.open(s);
    }

    /** Runs the shard plan with every shard in this JVM on one inner backend: the probe's self-test. */
    private static final class ShardsHere implements Backend, ShardExecutor {

        private final Backend inner;

        ShardsHere(Backend inner) {
            this.inner = inner;
        }

        @Override
        public List<Serializable> run(String task, List<SparkShard> shards) {
            List<Serializable> out = new ArrayList<>();
            for (SparkShard s : shards) {
                out.add(s.run(inner));
            }
            return out;
        }

        @Override
        public int defaultShards() {
            return 3;
        }

        @Override
        public String id() {
            return "spark";
        }

        @Override
        public String device() {
            return "shards in this JVM on " + inner.device();
        }

        @Override
        public <I, O> Kernel<I, O> prepare(Task<I, O> task, I input) {
            return SparkKernel.KERNELS.prepare(new SparkKernel.Host(this, null, 0), task, input);
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
