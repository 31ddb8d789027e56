package io.gpulab.spark;

import io.gpulab.api.InvalidOptionException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Holds the spark backend's options, read from {@code -X} settings: its own {@code spark.master},
 * {@code spark.inner}, {@code spark.gpusPerTask} and {@code spark.shards}, and any other {@code spark.*} key, passed
 * through to Spark unchanged.
 *
 * @param master the Spark master: {@code local-cluster[N,cores,memMB]}, {@code local[*]}, {@code spark://...},
 *     {@code yarn}, {@code k8s://...}
 * @param masterGiven true when the master came from an option or from {@code spark-submit}, not the default
 * @param inner the backend each shard runs on, on its executor
 * @param gpusPerTask GPUs Spark assigns to each task, 0 for none
 * @param shards the shard count of every job; 0 to derive it from the cluster's task slots
 * @param conf the other {@code spark.*} settings, passed to Spark
 */
record SparkSettings(String master, boolean masterGiven, String inner, int gpusPerTask, int shards,
        Map<String, String> conf) {

    /** The option keys the backend reads itself; every other key must start with {@code spark.}. */
    static final String MASTER = "spark.master";
    static final String INNER = "spark.inner";
    static final String GPUS = "spark.gpusPerTask";
    static final String SHARDS = "spark.shards";

    /** Creates the settings with an immutable copy of the pass-through configuration. */
    SparkSettings {
        conf = Map.copyOf(conf);
    }

    /**
     * Reads the settings from the backend's {@code -X} options.
     *
     * @throws InvalidOptionException naming the option, for an unknown key, a bad number or a combination that
     *     cannot work (GPUs on plain {@code local[...]}, which Spark would wait on forever)
     */
    static SparkSettings parse(Map<String, String> extra) {
        Map<String, String> conf = new LinkedHashMap<>();
        String master = null;
        String inner = "forkjoin";
        int gpus = 0;
        int shards = 0;
        for (Map.Entry<String, String> e : extra.entrySet()) {
            String k = e.getKey();
            String v = e.getValue().trim();
            switch (k) {
                case MASTER -> master = v;
                case INNER -> inner = v;
                case GPUS -> gpus = nonNegative(k, v);
                case SHARDS -> shards = nonNegative(k, v);
                default -> {
                    if (!k.startsWith("spark.")) {
                        throw new InvalidOptionException("backend spark has no option -X " + k + " (its own: "
                                + MASTER + ", " + INNER + ", " + GPUS + ", " + SHARDS
                                + "; any other spark.* key goes to Spark)");
                    }
                    conf.put(k, v);
                }
            }
        }
        if (inner.isEmpty() || inner.equals("spark")) {
            throw new InvalidOptionException("-X " + INNER + " must name a local backend (seq, forkjoin, process, "
                    + "opencl, cuda), not '" + inner + "'");
        }
        boolean given = master != null || System.getProperty(MASTER) != null;
        if (master == null) {
            // spark-submit hands its --master to the driver as this system property
            master = System.getProperty(MASTER, defaultMaster());
        }
        if (master.isEmpty()) {
            throw new InvalidOptionException("-X " + MASTER + " is empty");
        }
        if (gpus > 0 && (master.equals("local") || master.startsWith("local["))) {
            throw new InvalidOptionException("-X " + GPUS + "=" + gpus + " needs a cluster master: Spark never "
                    + "schedules GPU tasks on plain " + master + " and would wait forever; use local-cluster[N,C,MB] "
                    + "with -X spark.worker.resource.gpu.discoveryScript=..., or spark://, yarn, k8s://");
        }
        return new SparkSettings(master, given, inner, gpus, shards, conf);
    }

    /** Returns the default master: a local cluster of two workers sharing this machine's cores. */
    static String defaultMaster() {
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        return "local-cluster[2," + cores + ",1024]";
    }

    /** Returns true for a {@code local-cluster[...]} master, whose master and workers run in this JVM. */
    boolean localCluster() {
        return master.startsWith("local-cluster[");
    }

    /** Returns the worker count of a {@code local-cluster[N,cores,memMB]} master; 0 for other masters. */
    int localWorkers() {
        if (!localCluster()) {
            return 0;
        }
        String[] parts = master.substring("local-cluster[".length(), master.length() - 1).split(",");
        try {
            return Integer.parseInt(parts[0].trim());
        } catch (NumberFormatException e) {
            throw new InvalidOptionException("-X " + MASTER + "=" + master + ": expected local-cluster[N,cores,memMB]");
        }
    }

    /** Returns true when the master runs everything on this machine. */
    boolean onThisMachine() {
        return localCluster() || master.equals("local") || master.startsWith("local[");
    }

    private static int nonNegative(String key, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the option's name
        }
        throw new InvalidOptionException("-X " + key + " must be a whole number, 0 or more: '" + value + "'");
    }
}
