package io.gpulab.cpu.seq;

import io.gpulab.api.BackendException;
import io.gpulab.api.Kernel;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Hashes a batch on one thread with the JDK's SHA-256, whose compression function HotSpot replaces by an intrinsic
 * (SHA-NI or AVX2 where the CPU has them). One digest instance and one message buffer serve the whole batch: a
 * synthetic message is generated into the reused buffer and hashed with {@code update(buf, off, len)} and
 * {@code digest(out, off, 32)}, so nothing is allocated per message. A synthetic batch is combined while it is
 * hashed, a slice of digests at a time, so its memory does not grow with the batch.
 *
 * <p>A kernel instance runs one batch at a time (it owns its digests); the static building blocks are thread-safe
 * as long as each thread passes its own {@link MessageDigest}.
 */
public final class Sha256Seq implements Kernel<Sha256Input, Sha256Output> {

    /** Bytes in one SHA-256 digest. */
    public static final int DIGEST_BYTES = 32;

    /** Digests per combine step of a synthetic batch: 64 KiB, so the slice is still in cache when re-read. */
    private static final int COMBINE_SLICE = 2048;

    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final MessageDigest md = newDigest();
    private final MessageDigest combined = newDigest();

    /** Creates a kernel with its own message digest and combining digest. */
    public Sha256Seq() {
    }

    @Override
    public Sha256Output run(Sha256Input input) {
        if (input instanceof Sha256Input.Synthetic s) {
            return runSynthetic(s);
        }
        int n = input.count();
        byte[] digests = new byte[Math.multiplyExact(n, DIGEST_BYTES)];
        digestRange(md, input, 0, n, digests, 0);
        combined.reset();
        combined.update(digests);
        return output(input, combined.digest(), digests);
    }

    private Sha256Output runSynthetic(Sha256Input.Synthetic s) {
        int n = s.count();
        byte[] slice = new byte[Math.min(n, COMBINE_SLICE) * DIGEST_BYTES];
        byte[] msg = new byte[s.length()];
        md.reset();
        combined.reset();
        for (int from = 0; from < n; from += COMBINE_SLICE) {
            int to = Math.min(n, from + COMBINE_SLICE);
            digestSynthetic(md, s, from, to, msg, slice, 0);
            combined.update(slice, 0, (to - from) * DIGEST_BYTES);
        }
        return new Sha256Output(combined.digest(), List.of());
    }

    /**
     * Writes the final digests of messages {@code [from, to)} of the batch into {@code out} at {@code outOff},
     * 32 bytes each, in batch order: the building block that the parallel backends split among threads or workers.
     */
    public static void digestRange(Sha256Input input, int from, int to, byte[] out, int outOff) {
        digestRange(newDigest(), input, from, to, out, outOff);
    }

    /**
     * Writes the final digests of messages {@code [from, to)} into {@code out} at {@code outOff} with the caller's
     * SHA-256 digest (reset first), so that a worker thread can reuse one digest for all its ranges.
     */
    public static void digestRange(MessageDigest md, Sha256Input input, int from, int to, byte[] out, int outOff) {
        Objects.checkFromToIndex(from, to, input.count());
        Objects.checkFromIndexSize(outOff, Math.multiplyExact(to - from, DIGEST_BYTES), out.length);
        md.reset();
        if (input instanceof Sha256Input.Synthetic s) {
            digestSynthetic(md, s, from, to, new byte[s.length()], out, outOff);
            return;
        }
        List<byte[]> msgs = ((Sha256Input.Messages) input).messages();
        try {
            for (int i = from; i < to; i++) {
                byte[] m = msgs.get(i);
                md.update(m, 0, m.length);
                md.digest(out, outOff + (i - from) * DIGEST_BYTES, DIGEST_BYTES);
            }
        } catch (DigestException e) {
            throw new BackendException("SHA-256 failed: " + e.getMessage(), e);
        }
    }

    /** Hashes synthetic messages {@code [from, to)}, each generated into {@code msg}, re-hashing in place. */
    private static void digestSynthetic(MessageDigest md, Sha256Input.Synthetic s, int from, int to, byte[] msg,
            byte[] out, int outOff) {
        int iterations = s.iterations();
        try {
            for (int i = from; i < to; i++) {
                int o = outOff + (i - from) * DIGEST_BYTES;
                fill(s.seed() + i, msg);
                md.update(msg, 0, msg.length);
                md.digest(out, o, DIGEST_BYTES);
                for (int k = 1; k < iterations; k++) {
                    md.update(out, o, DIGEST_BYTES);
                    md.digest(out, o, DIGEST_BYTES);
                }
            }
        } catch (DigestException e) {
            throw new BackendException("SHA-256 failed: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the synthetic message of {@code value} (its 8 little-endian bytes, repeated) over all of {@code msg},
     * as {@link Sha256Input.Synthetic#fillMessage} does, but 8 bytes per store.
     */
    private static void fill(long value, byte[] msg) {
        int len = msg.length;
        int j = 0;
        for (; j + Long.BYTES <= len; j += Long.BYTES) {
            LONG_LE.set(msg, j, value);
        }
        for (; j < len; j++) {
            msg[j] = (byte) (value >>> ((j & 7) * 8));
        }
    }

    /**
     * Builds the output from the concatenated final digests: the combined digest over all of them, and the
     * per-message digests for given messages (none for a synthetic batch).
     */
    public static Sha256Output output(Sha256Input input, byte[] digests) {
        MessageDigest md = newDigest();
        md.update(digests, 0, Math.multiplyExact(input.count(), DIGEST_BYTES));
        return output(input, md.digest(), digests);
    }

    /**
     * Builds the output from a combined digest already computed over {@code digests} and the concatenated final
     * digests themselves, which become per-message digests for given messages (none for a synthetic batch).
     */
    public static Sha256Output output(Sha256Input input, byte[] combinedDigest, byte[] digests) {
        List<byte[]> each = new ArrayList<>();
        if (input instanceof Sha256Input.Messages) {
            for (int i = 0; i < input.count(); i++) {
                each.add(Arrays.copyOfRange(digests, i * DIGEST_BYTES, (i + 1) * DIGEST_BYTES));
            }
        }
        return new Sha256Output(combinedDigest, each);
    }

    /** Returns a new SHA-256 MessageDigest; every JDK has one. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}
