package io.gpulab.gpu.opencl;

import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;
import static org.jocl.CL.clReleaseKernel;

import io.gpulab.api.Kernel;
import io.gpulab.api.Phase;
import io.gpulab.cpu.seq.Sha256Seq;
import io.gpulab.gpu.KernelSources;
import io.gpulab.gpu.Sha256Batches;
import io.gpulab.tasks.Sha256Fold;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jocl.Pointer;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * Hashes a batch with {@code sha256.cl}, one message per work-item.
 *
 * <p>Decomposition and traffic: a synthetic batch crosses the bus as five scalars per launch (first value, first
 * index, count, length, iterations), the messages being generated and iterated on the device; each work-item folds
 * its final digest into four 64-bit lanes ({@link Sha256Fold}), each work-group of {@link #group()} work-items sums
 * its lanes in local memory, and the launch downloads one 32-byte partial fold per group (1/256 of a digest per
 * message at the default group), which the host adds. Given messages are packed into one byte buffer per launch
 * with 64-bit offsets and 32-bit lengths, and each launch downloads its 32-byte digests, which the host keeps and
 * folds at the end. Launches hold at most {@link Sha256Batches#MAX_PER_LAUNCH} messages, and every buffer stays
 * within the backend's per-buffer budget ({@link Sha256Batches}); one message larger than the budget is a
 * {@link io.gpulab.api.DeviceOutOfMemoryException}. The device buffers are kept across runs and grow when a launch
 * needs more; {@link #close} releases them.
 *
 * <p>The synthetic kernel is compiled for its group size ({@code -D SHA256_GROUP}): {@value #SYNTHETIC_GROUP}, or the
 * largest power of two the device allows for it when that is less.
 */
final class Sha256OpenCl implements Kernel<Sha256Input, Sha256Output> {

    /** Messages per launch at most, to keep each launch short. */
    static final int MAX_PER_LAUNCH = Sha256Batches.MAX_PER_LAUNCH;
    /** The preferred work-group size of {@code sha256_synthetic}, the default of {@code SHA256_GROUP}. */
    static final int SYNTHETIC_GROUP = 256;
    private static final long MESSAGES_GROUP = 64;

    private final OpenClBackend backend;
    private final int group;
    private final cl_kernel synthetic;
    private final cl_kernel messages;
    private final long messagesGroup;
    private final OpenClBuffer data;
    private final OpenClBuffer offsets;
    private final OpenClBuffer lengths;
    private final OpenClBuffer out;
    private final List<String> events = new ArrayList<>();
    private long[] partials = new long[0];
    private Map<Phase, Double> phases = Map.of();

    /** Builds (or reuses) the program for the largest usable group size and creates both kernels. */
    Sha256OpenCl(OpenClBackend backend, Sha256Input input) {
        this.backend = backend;
        int g = SYNTHETIC_GROUP;
        cl_kernel k = backend.kernel(KernelSources.SHA256, options(g), "sha256_synthetic");
        for (long max = backend.maxGroupSize(k); max < g; max = backend.maxGroupSize(k)) {
            // the reduction array is sized for the group, so a smaller group needs its own build
            clReleaseKernel(k);
            g = Integer.highestOneBit((int) Math.max(1, max));
            k = backend.kernel(KernelSources.SHA256, options(g), "sha256_synthetic");
        }
        this.group = g;
        this.synthetic = k;
        this.messages = backend.kernel(KernelSources.SHA256, options(g), "sha256_messages");
        this.messagesGroup = Math.min(MESSAGES_GROUP, backend.maxGroupSize(messages));
        this.data = new OpenClBuffer(backend.queue(), CL_MEM_READ_ONLY);
        this.offsets = new OpenClBuffer(backend.queue(), CL_MEM_READ_ONLY);
        this.lengths = new OpenClBuffer(backend.queue(), CL_MEM_READ_ONLY);
        this.out = new OpenClBuffer(backend.queue(), CL_MEM_WRITE_ONLY);
    }

    private static String options(int group) {
        return "-D SHA256_GROUP=" + group;
    }

    @Override
    public Sha256Output run(Sha256Input input) {
        OpenClQueue queue = backend.queue();
        queue.beginRun();
        events.clear();
        Sha256Output result;
        int launches;
        if (input instanceof Sha256Input.Synthetic s) {
            Sha256Fold fold = new Sha256Fold();
            launches = runSynthetic(s, fold);
            result = new Sha256Output(fold.toBytes(), List.of());
        } else {
            byte[] digests = new byte[Math.multiplyExact(input.count(), 32)];
            launches = runMessages((Sha256Input.Messages) input, digests);
            result = Sha256Seq.output(input, digests);
        }
        if (launches > 1) {
            events.add("sha256 split into " + launches + " launches (per-buffer budget " + backend.budget()
                    + " bytes)");
        }
        phases = queue.endRun();
        return result;
    }

    /** Hashes a synthetic batch launch by launch, adding each launch's per-group partial folds into {@code fold}. */
    private int runSynthetic(Sha256Input.Synthetic s, Sha256Fold fold) {
        int per = Sha256Batches.syntheticPerLaunch(backend.budget(), group, MAX_PER_LAUNCH);
        OpenClQueue queue = backend.queue();
        int maxGroups = Sha256Batches.groups(Math.min(per, Math.max(1, s.count())), group);
        cl_mem partialsMem = this.out.ensure(32L * maxGroups);
        if (partials.length < 4 * maxGroups) {
            partials = new long[4 * maxGroups];
        }
        int launches = 0;
        for (int from = 0; from < s.count(); from += per) {
            int n = Math.min(per, s.count() - from);
            int groups = Sha256Batches.groups(n, group);
            OpenClQueue.args(synthetic, s.seed() + from, (long) from, n, s.length(), s.iterations(), partialsMem);
            queue.launch(synthetic, new long[] {(long) groups * group}, new long[] {group});
            queue.read(partialsMem, 0, Pointer.to(partials), 32L * groups);
            for (int g = 0; g < groups; g++) {
                fold.addLanes(partials[4 * g], partials[4 * g + 1], partials[4 * g + 2], partials[4 * g + 3]);
            }
            launches++;
        }
        return launches;
    }

    /** Returns the work-group size {@code sha256_synthetic} was compiled for and is launched with. */
    int group() {
        return group;
    }

    private int runMessages(Sha256Input.Messages input, byte[] digests) {
        List<byte[]> msgs = input.messages();
        long budget = Sha256Batches.packingBudget(backend.budget());
        List<int[]> launches = Sha256Batches.split(msgs, budget, MAX_PER_LAUNCH);
        OpenClQueue queue = backend.queue();
        for (int[] range : launches) {
            Sha256Batches.Packed p = Sha256Batches.pack(msgs, range[0], range[1]);
            int n = p.count();
            long total = p.data().length;
            cl_mem dataMem = data.ensure(total);
            cl_mem offsMem = offsets.ensure(8L * n);
            cl_mem lensMem = lengths.ensure(4L * n);
            cl_mem outMem = out.ensure(32L * n);
            queue.write(dataMem, 0, Pointer.to(p.data()), total);
            queue.write(offsMem, 0, Pointer.to(p.offsets()), 8L * n);
            queue.write(lensMem, 0, Pointer.to(p.lengths()), 4L * n);
            OpenClQueue.args(messages, dataMem, offsMem, lensMem, n, outMem);
            queue.launch(messages, new long[] {roundUp(n)}, new long[] {messagesGroup});
            queue.read(outMem, 0, Pointer.to(digests).withByteOffset(32L * range[0]), 32L * n);
        }
        return launches.size();
    }

    /** Returns the device bytes this kernel holds between runs. */
    long deviceBytes() {
        return data.capacity() + offsets.capacity() + lengths.capacity() + out.capacity();
    }

    private long roundUp(int n) {
        return (n + messagesGroup - 1) / messagesGroup * messagesGroup;
    }

    @Override
    public Map<Phase, Double> phases() {
        return phases;
    }

    @Override
    public List<String> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        data.close();
        offsets.close();
        lengths.close();
        out.close();
        clReleaseKernel(synthetic);
        clReleaseKernel(messages);
    }
}
