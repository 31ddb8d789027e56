package io.gpulab.cpu.process;

import io.gpulab.api.BackendException;
import io.gpulab.cpu.seq.Sha256Seq;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Hashes a batch on worker JVMs in contiguous chunks of messages, each worker calling
 * {@code Sha256Seq.digestRange} and writing its 32-byte digests at their position in a shared result file; the
 * parent then reads them back in order into the combined digest.
 *
 * <p>For a synthetic batch only its four parameters and the chunk bounds cross (workers generate the messages). It is
 * hashed a window of {@value #WINDOW} messages at a time, each window cut into shards among the workers, through one
 * result file and one parent buffer of 32 bytes per window message that every window reuses, so memory and disk stay
 * flat for any count. Given messages return every digest, so they go as one window: they are laid out once in a
 * shared input file (a table of {@code n + 1} file offsets, then the bytes of every message back to back), a chunk
 * being its first table entry and its message count.
 */
final class Sha256Process extends ProcessKernel<Sha256Input, Sha256Output> {

    /** Synthetic messages per window: 32 MiB of digests, still enough shards to balance every worker. */
    static final int WINDOW = 1 << 20;
    /** The smallest chunk of a synthetic batch, in 64-byte compression blocks. */
    private static final double MIN_BLOCKS = 1 << 15;
    /** The smallest chunk of given messages, in bytes. */
    private static final long MIN_BYTES = 64 << 10;
    /** The largest chunk of given messages, so that a worker maps at most about this much at once. */
    private static final long MAX_BYTES = 256L << 20;
    private static final int STAGING = 1 << 20;

    private final int window;
    private final MessageDigest combined = Sha256Seq.newDigest();

    /** Creates the kernel on this pool. */
    Sha256Process(WorkerPool pool, int fixedShards) {
        this(pool, fixedShards, WINDOW);
    }

    /** Creates the kernel with a given synthetic window, so that tests can span several windows cheaply. */
    Sha256Process(WorkerPool pool, int fixedShards, int window) {
        super(pool, fixedShards);
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1 message: " + window);
        }
        this.window = window;
    }

    @Override
    public Sha256Output run(Sha256Input input) {
        List<String> events = beginRun();
        combined.reset();
        if (input instanceof Sha256Input.Synthetic s) {
            runSynthetic(s, events);
            return new Sha256Output(combined.digest(), List.of());
        }
        int n = input.count();
        if (n == 0) {
            return Sha256Seq.output(input, new byte[0]);
        }
        byte[] digests = new byte[Math.multiplyExact(n, 32)];
        try (SharedFile out = SharedFile.create("sha256-digests", digests.length)) {
            List<Shard> shards = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            try (SharedFile in = layOut(((Sha256Input.Messages) input).messages(), out, shards, counts)) {
                endPhase("copy-in");
                runShards(shards, counts, events);
            }
            out.read(0, digests, 0, digests.length);
        }
        combined.update(digests);
        endPhase("copy-out");
        return Sha256Seq.output(input, combined.digest(), digests);
    }

    /** Hashes a synthetic batch window by window into the combined digest. */
    private void runSynthetic(Sha256Input.Synthetic s, List<String> events) {
        int n = s.count();
        if (n == 0) {
            return;
        }
        byte[] digests = new byte[Math.min(n, window) * 32];
        try (SharedFile out = SharedFile.create("sha256-digests", digests.length)) {
            for (int first = 0; first < n; first += window) {
                // message first + i of the batch is message i of a batch seeded seed + first (the fill rule)
                Sha256Input.Synthetic w = new Sha256Input.Synthetic(Math.min(window, n - first), s.length(),
                        s.iterations(), s.seed() + first);
                List<Shard> shards = new ArrayList<>();
                List<Integer> counts = new ArrayList<>();
                int m = w.count();
                double blocks = (double) m * w.iterations() * ((w.length() + 9 + 63) / 64);
                int k = shardCount(blocks, MIN_BLOCKS, m);
                int from = 0;
                for (int i = 0; i < k; i++) {
                    int to = from + m / k + (i < m % k ? 1 : 0);
                    shards.add(new Shard("messages [" + (first + from) + ", " + (first + to) + ")",
                            WorkerTasks.sha256Synthetic(w, from, to, out.path(), 32L * from)));
                    counts.add(to - from);
                    from = to;
                }
                endPhase("copy-in");
                runShards(shards, counts, events);
                out.read(0, digests, 0, 32 * m);
                combined.update(digests, 0, 32 * m);
                endPhase("copy-out");
            }
        }
    }

    /** Runs the shards on the pool and checks that each wrote as many digests as it had messages. */
    private void runShards(List<Shard> shards, List<Integer> counts, List<String> events) {
        long[] done = pool.run("sha256", shards, events);
        for (int i = 0; i < done.length; i++) {
            if (done[i] != counts.get(i)) {
                throw new BackendException("sha256 shard " + shards.get(i).description() + ": worker wrote "
                        + done[i] + " digests instead of " + counts.get(i));
            }
        }
        endPhase("workers");
    }

    /** Copies the messages and their offset table into a new shared file and cuts them into chunks by bytes. */
    private SharedFile layOut(List<byte[]> msgs, SharedFile out, List<Shard> shards, List<Integer> counts) {
        int n = msgs.size();
        long tableBytes = 8L * (n + 1);
        long total = 0;
        ByteBuffer table = ByteBuffer.allocate(Math.toIntExact(tableBytes));
        for (byte[] m : msgs) {
            table.putLong(tableBytes + total);
            total += m.length;
        }
        table.putLong(tableBytes + total);
        SharedFile in = SharedFile.create("sha256-messages", tableBytes + total);
        try {
            in.write(0, table.array(), 0, table.capacity());
            byte[] staging = new byte[STAGING];
            int used = 0;
            long pos = tableBytes;
            for (byte[] m : msgs) {
                if (used + m.length > STAGING) {
                    in.write(pos, staging, 0, used);
                    pos += used;
                    used = 0;
                }
                if (m.length > STAGING) {
                    in.write(pos, m, 0, m.length);
                    pos += m.length;
                } else {
                    System.arraycopy(m, 0, staging, used, m.length);
                    used += m.length;
                }
            }
            in.write(pos, staging, 0, used);
            long target = Math.max(MIN_BYTES, Math.min(MAX_BYTES, total / (4L * pool.size()) + 1));
            int first = 0;
            long bytes = 0;
            for (int i = 0; i < n; i++) {
                bytes += msgs.get(i).length + 64; // a message also costs its padding block, however short
                if (bytes >= target || i == n - 1) {
                    shards.add(new Shard("messages [" + first + ", " + (i + 1) + ")",
                            WorkerTasks.sha256Messages(in.path(), 8L * first, i + 1 - first, out.path(), 32L * first)));
                    counts.add(i + 1 - first);
                    first = i + 1;
                    bytes = 0;
                }
            }
            return in;
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
