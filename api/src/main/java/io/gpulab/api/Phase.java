package io.gpulab.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names the phases every backend reports, one vocabulary for the backends, the JSON of {@code gpulab run}, the JMH
 * secondary results and the report. Setup phases are paid once, when a backend opens or prepares a kernel; run phases
 * are paid by every {@link Kernel#run}, and each counts in one of the report's columns ({@link #column}): a worker
 * JVM's copies and compute play the same parts as a device's transfers and kernels.
 */
public enum Phase {
    /** Setup: building device programs from source (OpenCL). */
    COMPILE("compile", true, Column.SETUP),
    /** Setup: compiling CUDA sources at run time with NVRTC, where no shipped PTX fits. */
    NVRTC_COMPILE("nvrtc-compile", true, Column.SETUP),
    /** Setup: loading a device module, JIT-compiling its PTX (CUDA). */
    MODULE_LOAD("module-load", true, Column.SETUP),
    /** Setup: creating the device context. */
    CONTEXT("context", true, Column.SETUP),
    /** Setup: starting the worker JVMs ({@code process}). */
    POOL_START("pool-start", true, Column.SETUP),
    /** Run: host-to-device transfers. */
    UPLOAD("upload", false, Column.UPLOAD),
    /** Run: copying inputs into shared memory for the workers ({@code process}). */
    COPY_IN("copy-in", false, Column.UPLOAD),
    /** Run: device kernels. */
    KERNEL("kernel", false, Column.KERNEL),
    /** Run: the workers computing their shards ({@code process}). */
    WORKERS("workers", false, Column.KERNEL),
    /** Run: device-to-host transfers. */
    DOWNLOAD("download", false, Column.DOWNLOAD),
    /** Run: copying results out of shared memory ({@code process}). */
    COPY_OUT("copy-out", false, Column.DOWNLOAD),
    /** Setup: starting the Spark application, and a local cluster's master and workers ({@code spark}). */
    CLUSTER_START("cluster-start", true, Column.SETUP),
    /** Setup: waiting until the cluster's executors have registered ({@code spark}). */
    EXECUTOR_LAUNCH("executor-launch", true, Column.SETUP),
    /** Run: from a job's submission to its first shard starting on an executor ({@code spark}). */
    SHARD_SCHEDULING("shard-scheduling", false, Column.UPLOAD),
    /** Run: from the first shard's start to the last shard's end on the executors ({@code spark}). */
    SHARD_COMPUTE("shard-compute", false, Column.KERNEL),
    /** Run: from the last shard's end to the driver holding every result ({@code spark}). */
    RESULT_COLLECTION("result-collection", false, Column.DOWNLOAD);

    /** The report's columns a phase counts in. */
    public enum Column {
        /** One-off setup, shown as the compile (setup) time. */
        SETUP,
        /** Moving inputs to where they are computed. */
        UPLOAD,
        /** Computing. */
        KERNEL,
        /** Moving outputs back. */
        DOWNLOAD
    }

    private final String id;
    private final boolean setup;
    private final Column column;

    Phase(String id, boolean setup, Column column) {
        this.id = id;
        this.setup = setup;
        this.column = column;
    }

    /** Returns the name the JSON and the reports use: {@code compile}, {@code upload}, {@code copy-in} ... */
    public String id() {
        return id;
    }

    /** Returns true for a one-off setup phase, false for a phase of every run. */
    public boolean setup() {
        return setup;
    }

    /** Returns the report column this phase counts in. */
    public Column column() {
        return column;
    }

    /** Returns the phase times keyed by their {@link #id}, in the order of this enum, for JSON and reports. */
    public static Map<String, Double> byId(Map<Phase, Double> phases) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Phase p : values()) {
            Double seconds = phases.get(p);
            if (seconds != null) {
                out.put(p.id(), seconds);
            }
        }
        return out;
    }
}
