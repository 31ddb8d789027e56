package io.gpulab.spark;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendException;
import io.gpulab.api.Kernel;
import io.gpulab.api.Task;
import io.gpulab.images.Image;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurMerge;
import io.gpulab.tasks.BlurOutput;
import io.gpulab.tasks.BlurShards;
import io.gpulab.tasks.BlurSpec;
import io.gpulab.tasks.PrimeSink;
import io.gpulab.tasks.Sha256Fold;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Merge;
import io.gpulab.tasks.Sha256Output;
import io.gpulab.tasks.Sha256Shards;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveMerge;
import io.gpulab.tasks.SieveOutput;
import io.gpulab.tasks.SieveShards;
import io.gpulab.tasks.Tasks;
import java.io.ByteArrayOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives the task layer's one decomposition of each task ({@link SieveShards}, {@link Sha256Shards},
 * {@link BlurShards} and their merges) over Spark: every shard becomes a serializable {@link SparkShard} that an
 * executor runs on its inner backend, and every partial output comes back to the merge. What is Spark's own here is
 * only the shard's wire form and the listing's windows: a listing runs {@code window} shards per Spark job and hands
 * them to the merge in order, each shard sending back its primes as gaps.
 */
final class ShardPlan {

    /** The shortest counting shard: below it, shipping a shard costs more than it saves. */
    private static final long MIN_SIEVE_SHARD = 1L << 20;
    /** The span of a listing shard, so that one shard's gaps stay a few megabytes. */
    private static final long LIST_SHARD = 1L << 26;
    /** Messages per run of the inner kernel inside a synthetic shard, which bounds an executor's memory. */
    private static final int SUB_BATCH = 1 << 14;
    /** The fewest compression blocks per sha256 shard (1 MiB of messages). */
    private static final long MIN_SHA256_BLOCKS = 1L << 14;
    /** The most compression blocks per shard of given messages (256 MiB shipped at once). */
    private static final long MAX_SHA256_BLOCKS = 1L << 22;
    private static final int MIN_BAND_ROWS = 16;

    private ShardPlan() {
    }

    /** Counts (and lists, with a sink) the primes of the input's range in shards. */
    static SieveOutput sieve(SieveInput in, ShardExecutor ex, int shards) {
        long len = in.length();
        if (in.sink() != null) {
            return list(in, ex, shards);
        }
        SieveShards plan = SieveShards.evenly(in, Math.max(1, Math.min(shards,
                (len + MIN_SIEVE_SHARD - 1) / MIN_SIEVE_SHARD)));
        SieveMerge merge = new SieveMerge(plan, in);
        List<SparkShard> parts = new ArrayList<>();
        for (long i = 0; i < plan.count(); i++) {
            parts.add(new SieveCount(plan.from(i), plan.to(i)));
        }
        if (!parts.isEmpty()) {
            for (Serializable c : ex.run("sieve", parts)) {
                merge.add((Long) c);
            }
        }
        return merge.output();
    }

    private static SieveOutput list(SieveInput in, ShardExecutor ex, int window) {
        SieveShards plan = SieveShards.ofSpan(in, LIST_SHARD);
        SieveMerge merge = new SieveMerge(plan, in);
        for (long first = 0; first < plan.count(); first += window) {
            List<SparkShard> parts = new ArrayList<>();
            for (long i = first; i < Math.min(plan.count(), first + window); i++) {
                parts.add(new SieveList(plan.from(i), plan.to(i)));
            }
            List<Serializable> listed = ex.run("sieve", parts);
            for (int k = 0; k < parts.size(); k++) {
                Gaps g = (Gaps) listed.get(k);
                long base = plan.from(first + k);
                merge.list(first + k, g.count(), sink -> emit(base, g.gaps(), sink));
            }
        }
        return merge.output();
    }

    private static long emit(long base, byte[] gaps, PrimeSink sink) {
        long p = base;
        long n = 0;
        int i = 0;
        while (i < gaps.length) {
            long gap = 0;
            int shift = 0;
            int b;
            do {
                b = gaps[i++];
                gap |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            p += gap;
            sink.accept(p);
            n++;
        }
        return n;
    }

    /** Hashes the batch in shards of contiguous messages and merges their folds or digests. */
    static Sha256Output sha256(Sha256Input in, ShardExecutor ex, int shards) {
        Sha256Merge merge = new Sha256Merge(in);
        if (in.count() == 0) {
            return merge.output();
        }
        Sha256Shards plan = Sha256Shards.of(in, shards, MIN_SHA256_BLOCKS, MAX_SHA256_BLOCKS);
        List<SparkShard> parts = new ArrayList<>();
        for (int i = 0; i < plan.count(); i++) {
            if (in instanceof Sha256Input.Synthetic s) {
                parts.add(new Sha256Synthetic(s.count(), s.length(), s.iterations(), s.seed(), plan.from(i),
                        plan.to(i)));
            } else {
                List<byte[]> msgs = ((Sha256Input.Messages) in).messages();
                parts.add(new Sha256Messages(plan.from(i), new ArrayList<>(msgs.subList(plan.from(i), plan.to(i)))));
            }
        }
        List<Serializable> values = ex.run("sha256", parts);
        for (int i = 0; i < parts.size(); i++) {
            if (in instanceof Sha256Input.Synthetic) {
                long[] lanes = (long[]) values.get(i);
                merge.addLanes(lanes[0], lanes[1], lanes[2], lanes[3]);
            } else {
                byte[] d = (byte[]) values.get(i);
                System.arraycopy(d, 0, merge.digests(), plan.from(i) * Sha256Fold.BYTES, d.length);
            }
        }
        return merge.output();
    }

    /** Blurs every image in bands of rows with their halo and puts the bands' own rows back together. */
    static BlurOutput blur(BlurInput in, ShardExecutor ex, int shards) {
        BlurSpec spec = in.spec();
        BlurShards plan = BlurShards.ofTarget(in, shards, MIN_BAND_ROWS);
        BlurMerge merge = new BlurMerge(in);
        List<SparkShard> parts = new ArrayList<>();
        for (BlurShards.Band band : plan.bands()) {
            Image img = in.images().get(band.image());
            int rowBytes = img.width() * img.channels();
            byte[] px = new byte[band.srcRows() * rowBytes];
            System.arraycopy(img.pixels(), band.srcRow0() * rowBytes, px, 0, px.length);
            parts.add(new BlurBand(band.describe(), img.width(), band.srcRows(), img.channels(), px,
                    band.haloAbove(), band.outRows(), spec.kind() == BlurSpec.Kind.GAUSSIAN, spec.sigma(),
                    spec.boxRadius()));
        }
        if (!parts.isEmpty()) {
            List<Serializable> values = ex.run("blur", parts);
            for (int i = 0; i < parts.size(); i++) {
                merge.write(plan.bands().get(i), (byte[]) values.get(i), 0, false);
            }
        }
        return merge.output();
    }

    private static <I, O> O once(Backend inner, Task<I, O> task, I input) {
        try (Kernel<I, O> k = inner.prepare(task, input)) {
            return k.run(input);
        }
    }

    /** Counts the primes of {@code [from, to]}; sends back the count. */
    record SieveCount(long from, long to) implements SparkShard {
        private static final long serialVersionUID = 1L;

        @Override
        public String describe() {
            return "[" + from + ", " + to + "]";
        }

        @Override
        public Serializable run(Backend inner) {
            return once(inner, Tasks.SIEVE, SieveInput.count(from, to)).count();
        }
    }

    /** The primes a listing shard found: their number, and their gaps (the first from the shard's start) as varints. */
    record Gaps(long count, byte[] gaps) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Lists the primes of {@code [from, to]}; sends back their {@link Gaps}. */
    record SieveList(long from, long to) implements SparkShard {
        private static final long serialVersionUID = 1L;

        @Override
        public String describe() {
            return "[" + from + ", " + to + "] listing";
        }

        @Override
        public Serializable run(Backend inner) {
            ByteArrayOutputStream gaps = new ByteArrayOutputStream();
            long[] last = {from};
            PrimeSink sink = p -> {
                long gap = p - last[0];
                last[0] = p;
                while (gap >= 0x80) {
                    gaps.write((int) (gap & 0x7F) | 0x80);
                    gap >>>= 7;
                }
                gaps.write((int) gap);
            };
            long count = once(inner, Tasks.SIEVE, new SieveInput(from, to, sink)).count();
            return new Gaps(count, gaps.toByteArray());
        }
    }

    /**
     * Hashes synthetic messages {@code [from, to)} and sends back their partial fold as 4 longs. The inner backend
     * hashes them as given messages, in sub-batches, since a task input cannot yet say where in a batch it starts
     * (the fold keys every digest by its index, and a backend's kernel folds from index 0).
     */
    record Sha256Synthetic(int count, int length, int iterations, long seed, int from, int to) implements SparkShard {
        private static final long serialVersionUID = 1L;

        @Override
        public String describe() {
            return "messages [" + from + ", " + to + ")";
        }

        @Override
        public Serializable run(Backend inner) {
            Sha256Input.Synthetic s = new Sha256Input.Synthetic(count, length, iterations, seed);
            Sha256Fold fold = new Sha256Fold();
            for (int a = from; a < to; a += SUB_BATCH) {
                int b = (int) Math.min(to, (long) a + SUB_BATCH);
                List<byte[]> msgs = new ArrayList<>(b - a);
                for (int i = a; i < b; i++) {
                    byte[] m = new byte[length];
                    s.fill(i, m, 0);
                    msgs.add(m);
                }
                Sha256Input batch = new Sha256Input.Messages(msgs);
                try (Kernel<Sha256Input, Sha256Output> k = inner.prepare(Tasks.SHA256, batch)) {
                    List<byte[]> digests = k.run(batch).digests();
                    for (int it = 1; it < iterations; it++) {
                        digests = k.run(new Sha256Input.Messages(digests)).digests();
                    }
                    for (int i = 0; i < digests.size(); i++) {
                        fold.add(a + i, digests.get(i), 0);
                    }
                }
            }
            return new long[] {fold.lane(0), fold.lane(1), fold.lane(2), fold.lane(3)};
        }
    }

    /** Hashes given messages, the first being message {@code first} of the batch; sends back their digests. */
    record Sha256Messages(int first, ArrayList<byte[]> messages) implements SparkShard {
        private static final long serialVersionUID = 1L;

        @Override
        public String describe() {
            return "messages [" + first + ", " + (first + messages.size()) + ")";
        }

        @Override
        public Serializable run(Backend inner) {
            List<byte[]> digests = once(inner, Tasks.SHA256, new Sha256Input.Messages(messages)).digests();
            byte[] out = new byte[digests.size() * Sha256Fold.BYTES];
            for (int i = 0; i < digests.size(); i++) {
                System.arraycopy(digests.get(i), 0, out, i * Sha256Fold.BYTES, Sha256Fold.BYTES);
            }
            if (digests.size() != messages.size()) {
                throw new BackendException("inner backend returned " + digests.size() + " digests for "
                        + messages.size() + " messages");
            }
            return out;
        }
    }

    /** Blurs one band of an image with its halo rows; sends back the band's own {@code keepRows} rows. */
    record BlurBand(String band, int width, int height, int channels, byte[] pixels, int keepFrom, int keepRows,
            boolean gaussian, double sigma, int boxRadius) implements SparkShard {
        private static final long serialVersionUID = 1L;

        @Override
        public String describe() {
            return band;
        }

        @Override
        public Serializable run(Backend inner) {
            BlurSpec spec = gaussian ? BlurSpec.gaussian(sigma) : BlurSpec.box(boxRadius);
            BlurInput in = new BlurInput(List.of(new Image(width, height, channels, pixels)), spec);
            byte[] all = once(inner, Tasks.BLUR, in).images().get(0).pixels();
            int rowBytes = width * channels;
            byte[] out = new byte[keepRows * rowBytes];
            System.arraycopy(all, keepFrom * rowBytes, out, 0, out.length);
            return out;
        }
    }
}
