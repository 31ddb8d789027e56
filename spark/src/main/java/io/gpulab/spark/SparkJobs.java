package io.gpulab.spark;

import io.gpulab.api.BackendException;
import io.gpulab.api.Phase;
import io.gpulab.api.spi.SelfTest;
import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs shards as Spark jobs: one partition per shard, each mapped by a {@link ShardRunner} on an executor, the
 * results collected in shard order. Records per run the phases (shard scheduling: submit to the first shard's start;
 * shard compute: first start to last end; result collection: last end to the driver holding every result, summed
 * over the run's jobs) and one event per shard naming its executor, host, device and attempt.
 *
 * <p>The phases compare wall clocks of the driver and the executors, exact on one machine and as good as the
 * cluster's clock synchronization elsewhere.
 */
final class SparkJobs implements ShardExecutor {

    private final JavaSparkContext sc;
    private final ShardRunner runner;
    private final int slots;
    private final Map<Phase, Double> phases = new EnumMap<>(Phase.class);
    private final List<String> events = new ArrayList<>();

    /** Creates the executor of shards on this context, running each on {@code inner} on its executor. */
    SparkJobs(JavaSparkContext sc, String inner, int gpusPerTask, int slots) {
        this.sc = sc;
        this.runner = new ShardRunner(inner, gpusPerTask);
        this.slots = slots;
    }

    /** Clears the phases and events before a run. */
    void beginRun() {
        phases.clear();
        events.clear();
    }

    /** Returns the seconds of each phase of the last run. */
    Map<Phase, Double> phases() {
        return Map.copyOf(phases);
    }

    /** Returns one line per shard of the last run. */
    List<String> events() {
        return List.copyOf(events);
    }

    @Override
    public int defaultShards() {
        return 2 * slots;
    }

    @Override
    public List<Serializable> run(String task, List<SparkShard> shards) {
        long submit = micros();
        List<ShardResult> results;
        try {
            sc.setJobDescription("gpulab " + task + ": " + shards.size() + " shards");
            results = sc.parallelize(shards, shards.size()).map(runner).collect();
        } catch (RuntimeException e) {
            throw new BackendException("spark " + task + " job failed: " + firstLine(e), e);
        }
        long end = micros();
        long firstStart = Long.MAX_VALUE;
        long lastEnd = Long.MIN_VALUE;
        List<Serializable> values = new ArrayList<>(results.size());
        for (ShardResult r : results) {
            SparkShard s = shards.get(r.index());
            if (r.error() != null) {
                throw new BackendException("spark " + task + " shard " + r.index() + " " + s.describe() + " failed on "
                        + r.host() + " executor " + r.executor() + ": " + r.error());
            }
            firstStart = Math.min(firstStart, r.startMicros());
            lastEnd = Math.max(lastEnd, r.endMicros());
            values.add(r.value());
            events.add(String.format(Locale.ROOT, "shard %d/%d %s: executor %s on %s (%s)%s, %.3f s", r.index(),
                    shards.size(), s.describe(), r.executor(), r.host(), r.device(),
                    r.attempt() > 0 ? ", attempt " + (r.attempt() + 1) : "", r.seconds()));
        }
        add(Phase.SHARD_SCHEDULING, firstStart - submit);
        add(Phase.SHARD_COMPUTE, lastEnd - firstStart);
        add(Phase.RESULT_COLLECTION, end - lastEnd);
        return values;
    }

    private void add(Phase phase, long micros) {
        phases.merge(phase, Math.max(0, micros) / 1e6, Double::sum);
    }

    /** Returns the first line of Spark's message, which names the failed task, its executor and the cause. */
    private static String firstLine(Throwable e) {
        String m = e.getMessage();
        if (m == null) {
            return SelfTest.oneLine(e);
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static long micros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}
