package io.gpulab.spark;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendException;
import io.gpulab.api.Kernel;
import io.gpulab.api.Task;
import io.gpulab.cpu.seq.Sha256Seq;
import io.gpulab.images.Image;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurOutput;
import io.gpulab.tasks.BlurSpec;
import io.gpulab.tasks.PrimeSink;
import io.gpulab.tasks.Sha256Fold;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveOutput;
import io.gpulab.tasks.Tasks;
import java.io.ByteArrayOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits each task's input into shards and merges their partial outputs: the one place the spark backend knows how a
 * task decomposes. It stands in for the task layer's shared plan (issue #11) until that lands, and is meant to be
 * replaced by it, not copied.
 *
 * <p>sieve: contiguous sub-ranges; counts add up, and a listing runs in windows of one job each whose shards send back
 * their primes as gaps, streamed to the sink in order. sha256: contiguous runs of messages; a synthetic shard sends
 * back its partial fold (4 longs), given messages send back their digests. blur: bands of rows with {@code r} halo
 * rows above and below (fewer at the true edges), each band sending back only its own rows, so the result equals
 * {@code seq} bit for bit.
 */
final class ShardPlan {

    /** The shortest counting shard: below it, shipping a shard costs more than it saves. */
    private static final long MIN_SIEVE_SHARD = 1L << 20;
    /** The longest listing shard, so that one shard's gaps stay a few megabytes. */
    private static final long LIST_SHARD = 1L << 26;
    /** Messages per run of the inner kernel inside a synthetic shard, which bounds an executor's memory. */
    private static final int SUB_BATCH = 1 << 14;
    private static final long MIN_SHA256_BYTES = 1L << 20;
    private static final int MIN_BAND_ROWS = 16;

    private ShardPlan() {
    }

    /** Counts (and lists, with a sink) the primes of the input's range in shards. */
    static SieveOutput sieve(SieveInput in, ShardExecutor ex, int shards) {
        long len = in.length();
        if (len == 0) {
            return new SieveOutput(0);
        }
        if (in.sink() != null) {
            return new SieveOutput(list(in, ex, shards));
        }
        int n = (int) Math.max(1, Math.min(shards, (len + MIN_SIEVE_SHARD - 1) / MIN_SIEVE_SHARD));
        List<SparkShard> parts = new ArrayList<>(n);
        long start = in.from();
        for (int i = 0; i < n; i++) {
            long end = start + len / n + (i < len % n ? 1 : 0) - 1;
            parts.add(new SieveCount(start, end));
            start = end + 1;
        }
        long count = 0;
        for (Serializable c : ex.run("sieve", parts)) {
            count += (Long) c;
        }
        return new SieveOutput(count);
    }

    private static long list(SieveInput in, ShardExecutor ex, int window) {
        long count = 0;
        long start = in.from();
        while (start <= in.to()) {
            List<SparkShard> parts = new ArrayList<>(window);
            for (int i = 0; i < window && start <= in.to(); i++) {
                long end = in.to() - start < LIST_SHARD ? in.to() : start + LIST_SHARD - 1;
                parts.add(new SieveList(start, end));
                start = end + 1;
                if (end == in.to()) {
                    break;
                }
            }
            List<Serializable> gaps = ex.run("sieve", parts);
            for (int i = 0; i < parts.size(); i++) {
                count += emit(((SieveList) parts.get(i)).from(), (byte[]) gaps.get(i), in.sink());
            }
        }
        return count;
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
        int n = in.count();
        if (n == 0) {
            return Sha256Seq.output(in, new byte[0]);
        }
        if (in instanceof Sha256Input.Synthetic s) {
            long blocks = (long) n * ((s.length() + 9L + 63) / 64 + s.iterations() - 1);
            int k = (int) Math.max(1, Math.min(Math.min(shards, n), blocks / (MIN_SHA256_BYTES / 64)));
            List<SparkShard> parts = new ArrayList<>(k);
            int from = 0;
            for (int i = 0; i < k; i++) {
                int to = from + n / k + (i < n % k ? 1 : 0);
                parts.add(new Sha256Synthetic(s.count(), s.length(), s.iterations(), s.seed(), from, to));
                from = to;
            }
            Sha256Fold fold = new Sha256Fold();
            for (Serializable v : ex.run("sha256", parts)) {
                long[] lanes = (long[]) v;
                fold.addLanes(lanes[0], lanes[1], lanes[2], lanes[3]);
            }
            return new Sha256Output(fold.toBytes(), List.of());
        }
        List<byte[]> msgs = ((Sha256Input.Messages) in).messages();
        long total = 0;
        for (byte[] m : msgs) {
            total += m.length + 64;
        }
        int k = (int) Math.max(1, Math.min(Math.min(shards, n), total / MIN_SHA256_BYTES));
        List<SparkShard> parts = new ArrayList<>(k);
        long done = 0;
        int first = 0;
        for (int i = 0; i < n; i++) {
            done += msgs.get(i).length + 64;
            if (i == n - 1 || done >= total * (parts.size() + 1) / k) {
                parts.add(new Sha256Messages(first, new ArrayList<>(msgs.subList(first, i + 1))));
                first = i + 1;
            }
        }
        byte[] digests = new byte[Math.multiplyExact(n, Sha256Seq.DIGEST_BYTES)];
        List<Serializable> values = ex.run("sha256", parts);
        for (int i = 0; i < parts.size(); i++) {
            byte[] d = (byte[]) values.get(i);
            System.arraycopy(d, 0, digests, ((Sha256Messages) parts.get(i)).first() * Sha256Seq.DIGEST_BYTES,
                    d.length);
        }
        return Sha256Seq.output(in, digests);
    }

    /** Blurs every image in bands of rows with their halo and puts the bands' own rows back together. */
    static BlurOutput blur(BlurInput in, ShardExecutor ex, int shards) {
        BlurSpec spec = in.spec();
        int r = spec.radius();
        long rows = 0;
        for (Image img : in.images()) {
            rows += img.height();
        }
        long bands = Math.max(1, Math.min(shards, rows / MIN_BAND_ROWS));
        int bandRows = (int) Math.max(1, (rows + bands - 1) / bands);
        List<SparkShard> parts = new ArrayList<>();
        List<int[]> where = new ArrayList<>();
        for (int i = 0; i < in.images().size(); i++) {
            Image img = in.images().get(i);
            int rowBytes = img.width() * img.channels();
            for (int y0 = 0; y0 < img.height(); y0 += bandRows) {
                int y1 = Math.min(img.height(), y0 + bandRows);
                int top = Math.max(0, y0 - r);
                int end = Math.min(img.height(), y1 + r);
                byte[] px = new byte[(end - top) * rowBytes];
                System.arraycopy(img.pixels(), top * rowBytes, px, 0, px.length);
                parts.add(new BlurBand(i, img.width(), end - top, img.channels(), px, y0 - top, y1 - y0,
                        spec.kind() == BlurSpec.Kind.GAUSSIAN, spec.sigma(), spec.boxRadius()));
                where.add(new int[] {i, y0 * rowBytes});
            }
        }
        List<byte[]> outputs = new ArrayList<>();
        for (Image img : in.images()) {
            outputs.add(new byte[img.pixels().length]);
        }
        if (!parts.isEmpty()) {
            List<Serializable> values = ex.run("blur", parts);
            for (int i = 0; i < parts.size(); i++) {
                byte[] band = (byte[]) values.get(i);
                System.arraycopy(band, 0, outputs.get(where.get(i)[0]), where.get(i)[1], band.length);
            }
        }
        List<Image> out = new ArrayList<>();
        for (int i = 0; i < in.images().size(); i++) {
            Image img = in.images().get(i);
            out.add(new Image(img.width(), img.height(), img.channels(), outputs.get(i)));
        }
        return new BlurOutput(out);
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

    /** Lists the primes of {@code [from, to]}; sends back their gaps (the first from {@code from}) as varints. */
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
            once(inner, Tasks.SIEVE, new SieveInput(from, to, sink));
            return gaps.toByteArray();
        }
    }

    /**
     * Hashes synthetic messages {@code [from, to)} and sends back their partial fold as 4 longs. The inner backend
     * hashes them as given messages, in sub-batches, since a task input cannot yet say where in a batch it starts
     * (the fold keys every digest by its index); the shared plan of issue #11 is to lift that.
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
            byte[] out = new byte[digests.size() * Sha256Seq.DIGEST_BYTES];
            for (int i = 0; i < digests.size(); i++) {
                System.arraycopy(digests.get(i), 0, out, i * Sha256Seq.DIGEST_BYTES, Sha256Seq.DIGEST_BYTES);
            }
            if (digests.size() != messages.size()) {
                throw new BackendException("inner backend returned " + digests.size() + " digests for "
                        + messages.size() + " messages");
            }
            return out;
        }
    }

    /** Blurs one band of an image with its halo rows; sends back the band's own {@code keepRows} rows. */
    record BlurBand(int image, int width, int height, int channels, byte[] pixels, int keepFrom, int keepRows,
            boolean gaussian, double sigma, int boxRadius) implements SparkShard {
        private static final long serialVersionUID = 1L;

        @Override
        public String describe() {
            return "image " + image + " band of " + keepRows + " rows (" + width + " wide)";
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
