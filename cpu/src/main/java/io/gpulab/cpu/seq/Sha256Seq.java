package io.gpulab.cpu.seq;

import io.gpulab.api.BackendException;
import io.gpulab.api.Kernel;
import io.gpulab.tasks.Sha256Fold;
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
 * {@code digest(out, off, 32)}, so nothing is allocated per message. The final digests of a synthetic batch are
 * hashed 64 at a time into a small slice and folded into the batch's {@link Sha256Fold} (four 64-bit
 * multiply-xorshift mixes and adds each, a few nanoseconds), so memory does not grow with the batch.
 *
 * <p>A kernel instance keeps no state between runs; the static building blocks are thread-safe
 * as long as each thread passes its own {@link MessageDigest} and {@link Sha256Fold}.
 */
public final class Sha256Seq implements Kernel<Sha256Input, Sha256Output> {

    /** Bytes in one SHA-256 digest. */
    public static final int DIGEST_BYTES = 32;

    /** Digests hashed before they are folded: 2 KiB, so the slice is still in L1 when the fold reads it. */
    private static final int FOLD_SLICE = 64;

    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Creates a kernel; each run takes a fresh message digest. */
    public Sha256Seq() {
    }

    /**
     * Hashes the batch with a message digest of its own: one kept across runs made the bare 10^6 x 64-byte loop 5%
     * slower (110 against 104 ms in one JVM, 2026-11-22), apparently from where its buffers end up relative to the
     * run's fresh arrays once the collector has moved it; a new one costs microseconds.
     */
    @Override
    public Sha256Output run(Sha256Input input) {
        MessageDigest md = newDigest();
        if (input instanceof Sha256Input.Synthetic s) {
            Sha256Fold fold = new Sha256Fold();
            foldSynthetic(md, s, 0, s.count(), fold);
            return new Sha256Output(fold.toBytes(), List.of());
        }
        int n = input.count();
        byte[] digests = new byte[Math.multiplyExact(n, DIGEST_BYTES)];
        digestRange(md, input, 0, n, digests, 0);
        return output(input, digests);
    }

    /**
     * Hashes synthetic messages {@code [from, to)} of the batch with the caller's digest (reset first) and adds each
     * final digest to {@code fold} under its batch index ({@link Sha256Input.Synthetic#foldIndex}): the building
     * block the parallel backends split a synthetic batch by, each part folding into its own partial.
     */
    public static void foldSynthetic(MessageDigest md, Sha256Input.Synthetic s, int from, int to, Sha256Fold fold) {
        Objects.checkFromToIndex(from, to, s.count());
        md.reset();
        byte[] msg = new byte[s.length()];
        byte[] slice = new byte[FOLD_SLICE * DIGEST_BYTES];
        // Hashing a slice first and folding it after in a loop of its own is about 3 ns a message faster than
        // folding each digest as it comes: the fold's multiply chains of many messages then overlap, whereas next to
        // the SHA-256 intrinsic's long instruction stream they run almost one after another.
        long a0 = 0;
        long a1 = 0;
        long a2 = 0;
        long a3 = 0;
        for (int lo = from; lo < to; lo += FOLD_SLICE) {
            int hi = Math.min(to, lo + FOLD_SLICE);
            digestSynthetic(md, s, lo, hi, msg, slice, 0);
            for (int i = lo; i < hi; i++) {
                int o = (i - lo) * DIGEST_BYTES;
                long key = s.foldIndex(i);
                a0 += Sha256Fold.term(0, key, slice, o);
                a1 += Sha256Fold.term(1, key, slice, o);
                a2 += Sha256Fold.term(2, key, slice, o);
                a3 += Sha256Fold.term(3, key, slice, o);
            }
        }
        fold.addLanes(a0, a1, a2, a3);
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
     * as {@link Sha256Input.Synthetic#fillMessage} does, but 8 bytes per store, four stores per loop trip: the
     * one-store loop cost 5 ns a 64-byte message in loop control, 5% of hashing it.
     */
    private static void fill(long value, byte[] msg) {
        int len = msg.length;
        int j = 0;
        for (; j + 4 * Long.BYTES <= len; j += 4 * Long.BYTES) {
            LONG_LE.set(msg, j, value);
            LONG_LE.set(msg, j + Long.BYTES, value);
            LONG_LE.set(msg, j + 2 * Long.BYTES, value);
            LONG_LE.set(msg, j + 3 * Long.BYTES, value);
        }
        for (; j + Long.BYTES <= len; j += Long.BYTES) {
            LONG_LE.set(msg, j, value);
        }
        for (; j < len; j++) {
            msg[j] = (byte) (value >>> ((j & 7) * 8));
        }
    }

    /**
     * Builds the output from the concatenated final digests of the whole batch: their fold, and the per-message
     * digests for given messages (none for a synthetic batch).
     */
    public static Sha256Output output(Sha256Input input, byte[] digests) {
        Sha256Fold fold = new Sha256Fold();
        fold.addAll(0, digests, 0, input.count());
        List<byte[]> each = new ArrayList<>();
        if (input instanceof Sha256Input.Messages) {
            for (int i = 0; i < input.count(); i++) {
                each.add(Arrays.copyOfRange(digests, i * DIGEST_BYTES, (i + 1) * DIGEST_BYTES));
            }
        }
        return new Sha256Output(fold.toBytes(), each);
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
