package io.gpulab.gpu;

import io.gpulab.api.SerialItems;
import io.gpulab.gpu.device.Device;
import io.gpulab.gpu.device.DeviceBuffer;
import io.gpulab.gpu.device.DeviceFunction;
import io.gpulab.gpu.device.KernelSpec;
import io.gpulab.tasks.Sha256Fold;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Merge;
import io.gpulab.tasks.Sha256Output;
import io.gpulab.tasks.Sha256Shards;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;

/**
 * Hashes a batch with {@code sha256.cl} on either runtime, one message per work-item.
 *
 * <p>Synthetic batches cross the bus as five scalars per launch (first value, first index, count, length,
 * iterations), the messages being generated and iterated on the device (batches of messages of at most
 * {@value #ONE_BLOCK_MAX} bytes, or of 64, hashed once, by kernels of their own with no loop in a work-item's
 * hashing; on a CPU device each work-item of the one-block kernel hashes {@value #CPU_LANES} messages in vector
 * types, since PoCL's own vectorization across work-items picks only 4 lanes there); each work-item folds its final
 * digests into four 64-bit lanes ({@link Sha256Fold}), each work-group of {@link #group()} work-items sums its
 * lanes in local memory and writes one 32-byte partial fold. The batch is cut into the task's shards
 * ({@link Sha256Shards}) of at most {@link Sha256Batches#MAX_PER_LAUNCH} messages, one launch each, and merged by
 * {@link Sha256Merge}. The launches of a round ({@link LaunchRounds}) go back to back, each writing its partial
 * folds at its own offset of one buffer, so the device never waits for the host between them; the round's partial
 * folds are downloaded once and added on the host (at the default sizes a batch of 10^7 messages is one round of
 * ten launches and 1.2 MB of partial folds).
 *
 * <p>Given messages are written straight into the off-heap staging buffer, end to end, with 64-bit offsets and
 * 32-bit lengths, and each launch downloads its 32-byte digests into the merge, which folds them at the end. Their
 * launches are cut by bytes ({@link Sha256Batches#split}), since a device buffer's limit binds them, not work:
 * launches hold at most {@link Sha256Batches#MAX_PER_LAUNCH} messages, and every buffer stays within the device's
 * per-buffer budget; one message larger than the budget is a {@link io.gpulab.api.DeviceOutOfMemoryException}.
 * Launches alternate between two buffer sets ({@link Sha256MessageBuffers}), so that the host packs the next launch
 * while the device hashes the last one and waits only for the set it is about to refill; a batch of several
 * launches thus holds two sets, up to twice one launch's device and staging bytes. The
 * synthetic kernel is compiled for its group size ({@code SHA256_GROUP}): {@value #SYNTHETIC_GROUP}, or the largest
 * power of two the device allows for it when less.
 */
public final class Sha256Gpu extends GpuKernel<Sha256Input, Sha256Output> {

    /** The kernel for given messages: (data, offsets, lengths, n, out). */
    public static final KernelSpec MESSAGES = new KernelSpec("sha256", "sha256_messages", "pppip");
    /** The kernel for synthetic batches: (first_value, first_index, n, length, iterations, partials). */
    public static final KernelSpec SYNTHETIC = new KernelSpec("sha256", "sha256_synthetic", "lliiip");
    /** The same for messages of at most 55 bytes hashed once: one block, no loop (the same arguments). */
    public static final KernelSpec SYNTHETIC_ONE_BLOCK = new KernelSpec("sha256", "sha256_synthetic1", "lliiip");
    /** The same for 64-byte messages hashed once: the fixed padding block's schedule is a table. */
    public static final KernelSpec SYNTHETIC_64 = new KernelSpec("sha256", "sha256_synthetic64", "lliiip");
    /** The longest message {@code sha256_synthetic1} hashes: 55 bytes, 0x80 and the 8-byte length fill a block. */
    public static final int ONE_BLOCK_MAX = 55;
    /**
     * The messages one work-item of {@code sha256_synthetic1} and {@code sha256_synthetic64} hashes on a CPU device
     * (SHA256_LANES); 1 on a GPU.
     */
    public static final int CPU_LANES = 16;
    /** The preferred work-group size of {@code sha256_synthetic}, the default {@code SHA256_GROUP}. */
    public static final int SYNTHETIC_GROUP = 256;
    /** The work-group size of {@code sha256_messages} where the device allows it. */
    public static final int MESSAGES_GROUP = 64;
    /**
     * How {@code sha256_messages} runs one given message: one thread hashes it block by block, about one 64-byte
     * compression per microsecond (64 rounds, each a chain of about 8 dependent operations of about 4 clocks, near
     * 2,000 clocks at 2 GHz), so 64 MB/s; a batch of many messages comes in over PCIe at about 50 GB/s (Gen5, pinned
     * memory), which bounds the device's rate over a batch before its hashing does (about 1 TB/s of compressions on an
     * H100). Messages of at least 1 MiB (16 ms on one thread, about 1 ms through the host's SHA-NI at 1 GB/s) may go
     * to the host; where that shortens their batch is {@link SerialItems#toHost}'s choice.
     */
    public static final SerialItems SERIAL_MESSAGES = new SerialItems(64e6, 50e9, 1 << 20);

    private final int group;
    private final DeviceFunction synthetic;
    private final DeviceFunction syntheticOneBlock;
    private final int oneBlockLanes;
    private final DeviceFunction synthetic64;
    private final DeviceFunction messages;
    private final int messagesGroup;
    private final DeviceBuffer out;
    private final Sha256MessageBuffers[] sets;

    /** Builds or loads both kernels for the largest usable group size. */
    Sha256Gpu(Device device) {
        super(device);
        int g = SYNTHETIC_GROUP;
        DeviceFunction k = device.function(SYNTHETIC, Map.of("SHA256_GROUP", g));
        for (long max = device.maxGroupSize(k); max < g; max = device.maxGroupSize(k)) {
            // the reduction array is sized for the group, so a smaller group needs its own build
            k.close();
            g = Integer.highestOneBit((int) Math.max(1, max));
            k = device.function(SYNTHETIC, Map.of("SHA256_GROUP", g));
        }
        this.group = g;
        this.synthetic = k;
        this.oneBlockLanes = device.cpu() ? CPU_LANES : 1;
        this.syntheticOneBlock = device.function(SYNTHETIC_ONE_BLOCK, Map.of("SHA256_GROUP", g, "SHA256_LANES",
                oneBlockLanes));
        this.synthetic64 = device.function(SYNTHETIC_64, Map.of("SHA256_GROUP", g, "SHA256_LANES", oneBlockLanes));
        this.messages = device.function(MESSAGES, Map.of("SHA256_GROUP", g));
        this.messagesGroup = (int) Math.min(MESSAGES_GROUP, device.maxGroupSize(messages));
        this.out = device.buffer("sha256 digests or partial folds", DeviceBuffer.Access.OUT);
        // the first set's digests share the synthetic path's output buffer; the second set is allocated on use
        this.sets = new Sha256MessageBuffers[] {new Sha256MessageBuffers(device,
                device.buffer("sha256 message data", DeviceBuffer.Access.IN),
                device.buffer("sha256 message offsets", DeviceBuffer.Access.IN),
                device.buffer("sha256 message lengths", DeviceBuffer.Access.IN), out),
            Sha256MessageBuffers.create(device, " (second set)")};
    }

    @Override
    String describe(Sha256Input input) {
        return "sha256 of " + input.count() + " messages";
    }

    @Override
    Sha256Output compute(Sha256Input input) {
        Sha256Merge merge = new Sha256Merge(input);
        int launches = input instanceof Sha256Input.Synthetic s ? runSynthetic(s, merge)
                : runMessages((Sha256Input.Messages) input, merge.digests());
        if (launches > 1) {
            event("sha256 split into " + launches + " launches (per-buffer budget " + device.budget() + " bytes)");
        }
        return merge.output();
    }

    /**
     * Hashes a synthetic batch in the task's shards ({@link Sha256Shards}), one launch each, in rounds of launches,
     * adding each round's partial folds into the merge.
     */
    private int runSynthetic(Sha256Input.Synthetic s, Sha256Merge merge) {
        long budget = device.budget();
        int per = Sha256Batches.syntheticPerLaunch(budget, group, Sha256Batches.MAX_PER_LAUNCH);
        Sha256Shards shards = Sha256Shards.of(s, Math.max(1, Sha256Batches.groups(s.count(), per)), 1,
                Long.MAX_VALUE);
        long launchBytes = 32L * Sha256Batches.groups(Math.min(per, Math.max(1, s.count())), group);
        int perRound = LaunchRounds.perRound(launchBytes, budget, device.offsetAlignment(), shards.count());
        out.ensure(launchBytes * perRound);
        for (int first = 0; first < shards.count(); first += perRound) {
            int launches = Math.min(perRound, shards.count() - first);
            int[] groups = new int[launches];
            for (int k = 0; k < launches; k++) {
                int from = shards.from(first + k);
                int n = shards.to(first + k) - from;
                DeviceFunction kernel = syntheticKernel(s);
                int lanes = kernel == syntheticOneBlock || kernel == synthetic64 ? oneBlockLanes : 1;
                groups[k] = Sha256Batches.groups((n + lanes - 1) / lanes, group);
                device.launch(kernel, groups[k], 1, group, 1, s.seed() + from, s.foldIndex(from), n, s.length(),
                        s.iterations(), out.at(k * launchBytes));
            }
            out.download(0, (launches - 1) * launchBytes + 32L * groups[launches - 1]);
            device.sync();
            LongBuffer lanes = out.host().asLongBuffer();
            for (int k = 0; k < launches; k++) {
                for (int g = 0; g < groups[k]; g++) {
                    int at = (int) (k * launchBytes / 8) + 4 * g;
                    merge.addLanes(lanes.get(at), lanes.get(at + 1), lanes.get(at + 2), lanes.get(at + 3));
                }
                workDone((long) (shards.to(first + k) - shards.from(first + k)) * s.iterations());
            }
        }
        return s.count() == 0 ? 0 : shards.count();
    }

    /**
     * Hashes given messages launch by launch on two alternating buffer sets ({@link Sha256MessageBuffers}): launch
     * k + 1 is packed and enqueued while the device hashes launch k, and the host waits for a set's previous launch
     * only before packing that set again, then for the last two launches in order.
     */
    private int runMessages(Sha256Input.Messages input, byte[] digests) {
        List<byte[]> msgs = input.messages();
        List<int[]> launches = Sha256Batches.split(msgs, Sha256Batches.packingBudget(device.budget()),
                Sha256Batches.MAX_PER_LAUNCH);
        int count = launches.size();
        try {
            for (int k = 0; k < count; k++) {
                Sha256MessageBuffers set = sets[k % 2];
                workDone(set.finish(digests));
                set.start(msgs, launches.get(k)[0], launches.get(k)[1], messages, messagesGroup);
            }
            workDone(sets[count % 2].finish(digests));
            workDone(sets[(count + 1) % 2].finish(digests));
        } finally {
            sets[0].abandon();
            sets[1].abandon();
        }
        return count;
    }

    /** Returns the work-group size {@code sha256_synthetic} was compiled for and is launched with. */
    public int group() {
        return group;
    }

    /** Returns the kernel for a synthetic batch: a one-block or 64-byte one hashed once has its own, loop-free. */
    private DeviceFunction syntheticKernel(Sha256Input.Synthetic s) {
        if (s.iterations() != 1) {
            return synthetic;
        }
        return s.length() <= ONE_BLOCK_MAX ? syntheticOneBlock : s.length() == 64 ? synthetic64 : synthetic;
    }

    /** Returns the device bytes this kernel holds between runs. */
    public long deviceBytes() {
        // the first set's digest buffer is out, counted once
        return sets[0].capacity() + sets[1].capacity();
    }

    @Override
    public void close() {
        sets[0].close();
        sets[1].close();
        synthetic.close();
        syntheticOneBlock.close();
        synthetic64.close();
        messages.close();
    }
}
