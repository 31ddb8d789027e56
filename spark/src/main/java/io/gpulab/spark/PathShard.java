package io.gpulab.spark;

import io.gpulab.api.Backend;
import io.gpulab.api.PathJob;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Files {@code [from, to)} of a {@link PathJob}: only the job (paths and options) crosses the network, the executor
 * reads (and for blur writes) the files itself and sends back one outcome per file.
 *
 * @param job the job, its paths readable from every executor
 * @param from the first file of the shard
 * @param to one past the last file of the shard
 */
record PathShard(PathJob job, int from, int to) implements SparkShard {

    private static final long serialVersionUID = 1L;

    /** Cuts the job's files into at most {@code shards} contiguous shards of nearly equal file counts. */
    static List<SparkShard> plan(PathJob job, int shards) {
        int n = job.size();
        int count = Math.max(1, Math.min(shards, n));
        List<SparkShard> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int a = (int) ((long) n * i / count);
            int b = (int) ((long) n * (i + 1) / count);
            if (b > a) {
                parts.add(new PathShard(job, a, b));
            }
        }
        return parts;
    }

    /** Runs the job's files on the executor and gathers the outcomes of every shard in file order. */
    static List<PathJob.Outcome> run(PathJob job, ShardExecutor ex, int shards) {
        List<PathJob.Outcome> all = new ArrayList<>(job.size());
        if (job.size() == 0) {
            return all;
        }
        for (Serializable v : ex.run(job.task() + " files", plan(job, shards))) {
            @SuppressWarnings("unchecked")
            List<PathJob.Outcome> part = (List<PathJob.Outcome>) v;
            all.addAll(part);
        }
        return all;
    }

    @Override
    public String describe() {
        return "files [" + from + ", " + to + ") " + job.path(from) + (to - from > 1 ? " .. " + job.path(to - 1) : "");
    }

    @Override
    public Serializable run(Backend inner) {
        return new ArrayList<>(job.run(inner, from, to));
    }
}
