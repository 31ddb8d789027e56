package io.gpulab.tasks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Accumulates the fold of a SHA-256 batch: the checksum over all final digests that a batch reports, defined so
 * that any split of the batch (threads, worker JVMs, launches, work-groups) reduces by adding partial folds.
 *
 * <p>Definition (the same in {@code sha256.cl}): for message {@code i} (its 0-based index in the batch, as an unsigned
 * 64-bit value) with final digest {@code d}, and each lane {@code j} in 0..3, let {@code w} be the big-endian 64-bit
 * word {@code d[8j .. 8j+8)}; then {@code x = mix(w ^ (i * 0x9E3779B97F4A7C15 + K[j]))}, where {@code mix} is the
 * SplitMix64 finalizer, and {@code acc[j] += x} (mod 2^64). The fold is {@code acc[0..3]}, each big-endian, 32 bytes;
 * all zero for an empty batch.
 *
 * <p>Why it catches wrong digests: for fixed {@code i} and {@code j} the map {@code w -> x} is a bijection of 64-bit
 * words, because each step is invertible (xor with a constant is its own inverse; {@code x ^= x >>> s} with
 * {@code s >= 1} is undone by repeating it until the shifts pass 64 bits; multiplication by an odd constant is undone
 * by multiplying by its inverse mod 2^64). So a digest that differs in any bit changes at least one lane's term, and
 * since the other terms are unchanged, that lane's sum changes: one wrong digest always changes the fold. Several
 * wrong digests cancel only if their term changes sum to zero in all four lanes at once, which for faults unrelated
 * to this mixing is a coincidence of probability about 2^-256. Moving a digest to another index changes its key, so
 * a swap or misplacement is caught the same way (unless, again by coincidence, the terms match).
 *
 * <p>It is a checksum for checking backends against each other, not a cryptographic commitment: the mixing is public
 * and linear-time invertible, so anyone can construct a different set of digests with the same fold.
 *
 * <p>Not thread-safe: each thread keeps its own instance and the partials are {@link #add(Sha256Fold) added}.
 */
public final class Sha256Fold {

    /** Bytes in a fold: four 64-bit lanes. */
    public static final int BYTES = 32;

    /** Lanes in a fold, one per 8 bytes of a digest. */
    public static final int LANES = 4;

    /** The index multiplier: 2^64 divided by the golden ratio, odd, as in SplitMix64. */
    static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /*
     * The per-lane key offsets K[0..3]: the first 256 bits of the fractional part of pi. Separate constants rather
     * than an array so that C2 folds them into the hot loops (it does not fold elements of a static final array).
     */
    private static final long K0 = 0x243F6A8885A308D3L;
    private static final long K1 = 0x13198A2E03707344L;
    private static final long K2 = 0xA4093822299F31D0L;
    private static final long K3 = 0x082EFA98EC4E6C89L;

    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private long a0;
    private long a1;
    private long a2;
    private long a3;

    /** Creates the fold of an empty batch (all lanes zero). */
    public Sha256Fold() {
    }

    /** Adds the digest of message {@code index}, 32 bytes at {@code off} of {@code digest}. */
    public void add(long index, byte[] digest, int off) {
        Objects.checkFromIndexSize(off, BYTES, digest.length);
        a0 += term(0, index, digest, off);
        a1 += term(1, index, digest, off);
        a2 += term(2, index, digest, off);
        a3 += term(3, index, digest, off);
    }

    /**
     * Returns what lane {@code lane} (0 to 3) gains from the digest of message {@code index}, 32 bytes at {@code off}:
     * for loops that keep the four lane sums in locals and {@link #addLanes add} them once at the end.
     */
    public static long term(int lane, long index, byte[] digest, int off) {
        long word = (long) LONG_BE.get(digest, off + 8 * lane);
        return mix(word ^ (index * GOLDEN + laneKey(lane)));
    }

    private static long laneKey(int lane) {
        return switch (lane) {
            case 0 -> K0;
            case 1 -> K1;
            case 2 -> K2;
            case 3 -> K3;
            default -> throw new IndexOutOfBoundsException("lane " + lane + " of 4");
        };
    }

    /** Adds {@code count} consecutive digests packed at {@code off}, the first being message {@code firstIndex}. */
    public void addAll(long firstIndex, byte[] digests, int off, int count) {
        Objects.checkFromIndexSize(off, Math.multiplyExact(count, BYTES), digests.length);
        for (int k = 0; k < count; k++) {
            add(firstIndex + k, digests, off + k * BYTES);
        }
    }

    /** Adds a partial fold (of other messages of the same batch) into this one. */
    public void add(Sha256Fold partial) {
        addLanes(partial.a0, partial.a1, partial.a2, partial.a3);
    }

    /** Adds a partial fold given as its four lanes, as a device or a worker reports it. */
    public void addLanes(long lane0, long lane1, long lane2, long lane3) {
        a0 += lane0;
        a1 += lane1;
        a2 += lane2;
        a3 += lane3;
    }

    /** Returns lane {@code j} (0 to 3) of the fold so far. */
    public long lane(int j) {
        return switch (j) {
            case 0 -> a0;
            case 1 -> a1;
            case 2 -> a2;
            case 3 -> a3;
            default -> throw new IndexOutOfBoundsException("lane " + j + " of 4");
        };
    }

    /** Returns the fold so far as 32 bytes: the four lanes, each big-endian. */
    public byte[] toBytes() {
        byte[] out = new byte[BYTES];
        LONG_BE.set(out, 0, a0);
        LONG_BE.set(out, 8, a1);
        LONG_BE.set(out, 16, a2);
        LONG_BE.set(out, 24, a3);
        return out;
    }

    /** Returns the fold so far in lower-case hex. */
    @Override
    public String toString() {
        return HexFormat.of().formatHex(toBytes());
    }

    /** Returns the fold of digests given one after another, the first being message {@code firstIndex}. */
    public static byte[] fold(long firstIndex, byte[]... digests) {
        Sha256Fold f = new Sha256Fold();
        for (int k = 0; k < digests.length; k++) {
            if (digests[k].length != BYTES) {
                throw new IllegalArgumentException("digest " + k + " has " + digests[k].length + " bytes, not 32");
            }
            f.add(firstIndex + k, digests[k], 0);
        }
        return f.toBytes();
    }

    /** Returns the SplitMix64 finalizer of {@code x}: a bijection of 64-bit words (see the class comment). */
    static long mix(long x) {
        x ^= x >>> 30;
        x *= 0xBF58476D1CE4E5B9L;
        x ^= x >>> 27;
        x *= 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }
}
