package io.gpulab.cpu.process;

import io.gpulab.api.BackendException;
import io.gpulab.api.Phase;
import io.gpulab.tasks.Sha256Fold;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Merge;
import io.gpulab.tasks.Sha256Output;
import io.gpulab.tasks.Sha256Shards;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Hashes a batch on worker JVMs in the task's shards ({@link Sha256Shards}), each worker calling the public seq
 * building blocks; the partial outputs merge through {@link Sha256Merge}.
 *
 * <p>For a synthetic batch only its four parameters and the shard bounds cross to a worker (workers generate the
 * messages), and only the shard's partial {@link Sha256Fold} comes back: 32 bytes at the shard's slot of a small
 * shared result file, whatever the shard's size. The parent adds the partials, in any order. So memory and disk stay
 * flat for any count, and nothing is combined in order. Given messages return every digest, so they are laid out once
 * in a shared input file (a table of {@code n + 1} file offsets, then the bytes of every message back to back), a
 * shard being its first table entry and its message count; workers write their 32-byte digests at their position in
 * a shared result file, and the parent reads them back and folds them.
 */
final class Sha256Process extends ProcessKernel<Sha256Input, Sha256Output> {

    /** The smallest shard of a synthetic batch, in 64-byte compression blocks. */
    private static final long MIN_BLOCKS = 1 << 15;
    /** The smallest shard of given messages, in 64-byte blocks (64 KiB). */
    private static final long MIN_BLOCKS_GIVEN = 1 << 10;
    /** The largest shard of given messages, so that a worker maps at most about this much at once (256 MiB). */
    private static final long MAX_BLOCKS_GIVEN = 1 << 22;
    private static final int STAGING = 1 << 20;

    /** Creates the kernel on this pool; {@code fixedShards > 0} overrides the shard count rule. */
    Sha256Process(WorkerPool pool, int fixedShards) {
        super(pool, fixedShards);
    }

    @Override
    public Sha256Output run(Sha256Input input) {
        List<String> events = beginRun();
        if (input instanceof Sha256Input.Synthetic s) {
            return runSynthetic(s, events);
        }
        Sha256Merge merge = new Sha256Merge(input);
        if (input.count() == 0) {
            return merge.output();
        }
        byte[] digests = merge.digests();
        try (SharedFile out = SharedFile.create("sha256-digests", digests.length)) {
            List<Shard> shards = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            SharedFile in = layOut(((Sha256Input.Messages) input).messages(), out, shards, counts);
            try (in) { // the workers read the laid-out messages until runShards returns
                endPhase(Phase.COPY_IN);
                runShards(shards, counts, events);
            }
            out.read(0, digests, 0, digests.length);
        }
        Sha256Output result = merge.output();
        endPhase(Phase.COPY_OUT);
        return result;
    }

    /** Hashes a synthetic batch in shards, each worker returning its partial fold, and adds the partials. */
    private Sha256Output runSynthetic(Sha256Input.Synthetic s, List<String> events) {
        Sha256Merge merge = new Sha256Merge(s);
        if (s.count() == 0) {
            return merge.output();
        }
        Sha256Shards plan = fixedShards() > 0 ? Sha256Shards.of(s, fixedShards(), 1, Long.MAX_VALUE)
                : Sha256Shards.of(s, maxShards(), MIN_BLOCKS, Long.MAX_VALUE);
        int k = plan.count();
        try (SharedFile out = SharedFile.create("sha256-folds", (long) Sha256Fold.BYTES * k)) {
            List<Shard> shards = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                shards.add(new Shard(plan.describe(i), WorkerTasks.sha256Synthetic(s, plan.from(i), plan.to(i),
                        out.path(), (long) Sha256Fold.BYTES * i)));
                counts.add(plan.to(i) - plan.from(i));
            }
            endPhase(Phase.COPY_IN);
            runShards(shards, counts, events);
            byte[] partials = new byte[Sha256Fold.BYTES * k];
            out.read(0, partials, 0, partials.length);
            ByteBuffer lanes = ByteBuffer.wrap(partials);
            for (int i = 0; i < k; i++) {
                merge.addLanes(lanes.getLong(), lanes.getLong(), lanes.getLong(), lanes.getLong());
            }
            endPhase(Phase.COPY_OUT);
        }
        return merge.output();
    }

    /** Runs the shards on the pool and checks that each hashed as many messages as it had. */
    private void runShards(List<Shard> shards, List<Integer> counts, List<String> events) {
        long[] done = pool.run("sha256", shards, events);
        for (int i = 0; i < done.length; i++) {
            if (done[i] != counts.get(i)) {
                throw new BackendException("sha256 shard " + shards.get(i).description() + ": worker hashed "
                        + done[i] + " messages instead of " + counts.get(i));
            }
        }
        endPhase(Phase.WORKERS);
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
            Sha256Input.Messages batch = new Sha256Input.Messages(msgs);
            Sha256Shards plan = fixedShards() > 0 ? Sha256Shards.of(batch, fixedShards(), 1, Long.MAX_VALUE)
                    : Sha256Shards.of(batch, maxShards(), MIN_BLOCKS_GIVEN, MAX_BLOCKS_GIVEN);
            for (int i = 0; i < plan.count(); i++) {
                int first = plan.from(i);
                int count = plan.to(i) - first;
                shards.add(new Shard(plan.describe(i),
                        WorkerTasks.sha256Messages(in.path(), 8L * first, count, out.path(), 32L * first)));
                counts.add(count);
            }
            return in;
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
