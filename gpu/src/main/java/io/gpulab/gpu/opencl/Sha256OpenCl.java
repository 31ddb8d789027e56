package io.gpulab.gpu.opencl;

import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;
import static org.jocl.CL.clReleaseKernel;

import io.gpulab.api.Kernel;
import io.gpulab.cpu.seq.Sha256Seq;
import io.gpulab.gpu.KernelSources;
import io.gpulab.gpu.Sha256Batches;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jocl.Pointer;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * Hashes a batch with {@code sha256.cl}, one message per work-item.
 *
 * <p>Decomposition and traffic: a synthetic batch crosses the bus as four scalars per launch (first value,
 * count, length, iterations), the messages being generated and iterated on the device; given messages are packed
 * into one byte buffer per launch with 64-bit offsets and 32-bit lengths. Each launch downloads its 32-byte
 * digests. A synthetic batch feeds each launch's digests to the host's combining digest (SHA-256 over all digests in
 * order) straight away, through one host window of 32 bytes per launch message reused by every launch and run, so
 * host memory stays flat for any count; given messages return every digest, so theirs are kept for the whole batch
 * and combined at the end. Launches are
 * split so that every buffer stays within the backend's per-buffer budget ({@link Sha256Batches}); one message
 * larger than the budget is a {@link io.gpulab.api.DeviceOutOfMemoryException}. The device buffers are kept
 * across runs and grow when a launch needs more; {@link #close} releases them.
 */
final class Sha256OpenCl implements Kernel<Sha256Input, Sha256Output> {

    /** Messages per launch at most, to keep each launch short. */
    static final int MAX_PER_LAUNCH = Sha256Batches.MAX_PER_LAUNCH;
    private static final long GROUP = 64;

    private final OpenClBackend backend;
    private final cl_kernel synthetic;
    private final cl_kernel messages;
    private final long group;
    private final OpenClBuffer data;
    private final OpenClBuffer offsets;
    private final OpenClBuffer lengths;
    private final OpenClBuffer out;
    private final MessageDigest combined = Sha256Seq.newDigest();
    private final List<String> events = new ArrayList<>();
    private byte[] window = new byte[0];
    private Map<String, Double> phases = Map.of();

    /** Builds (or reuses) the program and creates both kernels. */
    Sha256OpenCl(OpenClBackend backend, Sha256Input input) {
        this.backend = backend;
        this.synthetic = backend.kernel(KernelSources.SHA256, "", "sha256_synthetic");
        this.messages = backend.kernel(KernelSources.SHA256, "", "sha256_messages");
        this.group = Math.min(GROUP, Math.min(backend.maxGroupSize(synthetic), backend.maxGroupSize(messages)));
        this.data = new OpenClBuffer(backend.queue(), CL_MEM_READ_ONLY);
        this.offsets = new OpenClBuffer(backend.queue(), CL_MEM_READ_ONLY);
        this.lengths = new OpenClBuffer(backend.queue(), CL_MEM_READ_ONLY);
        this.out = new OpenClBuffer(backend.queue(), CL_MEM_WRITE_ONLY);
    }

    @Override
    public Sha256Output run(Sha256Input input) {
        OpenClQueue queue = backend.queue();
        queue.beginRun();
        events.clear();
        combined.reset();
        Sha256Output result;
        int launches;
        if (input instanceof Sha256Input.Synthetic s) {
            launches = runSynthetic(s);
            result = new Sha256Output(combined.digest(), List.of());
        } else {
            byte[] digests = new byte[Math.multiplyExact(input.count(), 32)];
            launches = runMessages((Sha256Input.Messages) input, digests);
            combined.update(digests);
            result = Sha256Seq.output(input, combined.digest(), digests);
        }
        if (launches > 1) {
            events.add("sha256 split into " + launches + " launches (per-buffer budget " + backend.budget()
                    + " bytes)");
        }
        phases = queue.endRun();
        return result;
    }

    /** Hashes a synthetic batch launch by launch, each launch's digests going to the combiner through the window. */
    private int runSynthetic(Sha256Input.Synthetic s) {
        int per = Sha256Batches.syntheticPerLaunch(backend.budget(), MAX_PER_LAUNCH);
        OpenClQueue queue = backend.queue();
        int size = 32 * Math.min(per, Math.max(1, s.count()));
        cl_mem out = this.out.ensure(size);
        if (window.length < size) {
            window = new byte[size];
        }
        int launches = 0;
        for (int from = 0; from < s.count(); from += per) {
            int n = Math.min(per, s.count() - from);
            OpenClQueue.args(synthetic, s.seed() + from, n, s.length(), s.iterations(), out);
            queue.launch(synthetic, new long[] {roundUp(n)}, new long[] {group});
            queue.read(out, 0, Pointer.to(window), 32L * n);
            combined.update(window, 0, 32 * n);
            launches++;
        }
        return launches;
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
            queue.launch(messages, new long[] {roundUp(n)}, new long[] {group});
            queue.read(outMem, 0, Pointer.to(digests).withByteOffset(32L * range[0]), 32L * n);
        }
        return launches.size();
    }

    /** Returns the device bytes this kernel holds between runs. */
    long deviceBytes() {
        return data.capacity() + offsets.capacity() + lengths.capacity() + out.capacity();
    }

    private long roundUp(int n) {
        return (n + group - 1) / group * group;
    }

    @Override
    public Map<String, Double> phases() {
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
