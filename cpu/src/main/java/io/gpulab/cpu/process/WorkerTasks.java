package io.gpulab.cpu.process;

import io.gpulab.cpu.seq.BlurSeq;
import io.gpulab.cpu.seq.Sha256Seq;
import io.gpulab.cpu.seq.SieveSeq;
import io.gpulab.images.Image;
import io.gpulab.tasks.Sha256Fold;
import io.gpulab.tasks.Sha256Input;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shard kinds a worker runs, each written by the parent ({@code sieveCount}, {@code blur} ...) and read back
 * by the worker ({@link #run}) in one place, so that both ends always agree on the fields. Every kind calls the
 * public seq building blocks; only parameters, file names and offsets cross the control channel.
 */
final class WorkerTasks {

    private static final byte SIEVE_COUNT = 1;
    private static final byte SIEVE_LIST = 2;
    private static final byte SHA256_SYNTHETIC = 3;
    private static final byte SHA256_MESSAGES = 4;
    private static final byte BLUR = 5;

    /** Digests per call of {@code digestRange}, so that a worker's buffer stays small whatever the shard. */
    private static final int DIGEST_BATCH = 4096;

    private WorkerTasks() {
    }

    /** Describes a shard that counts the primes of {@code [from, to]}. */
    static Frame.PayloadWriter sieveCount(long from, long to) {
        return o -> {
            o.writeByte(SIEVE_COUNT);
            o.writeLong(from);
            o.writeLong(to);
        };
    }

    /** Describes a shard that sets bit {@code p - from} of the bitmap at {@code offset} for every prime p. */
    static Frame.PayloadWriter sieveList(long from, long to, Path file, long offset, int bytes) {
        return o -> {
            o.writeByte(SIEVE_LIST);
            o.writeLong(from);
            o.writeLong(to);
            o.writeUTF(file.toString());
            o.writeLong(offset);
            o.writeInt(bytes);
        };
    }

    /**
     * Describes a shard that hashes messages {@code [from, to)} of a synthetic batch and writes their partial
     * {@link Sha256Fold} (32 bytes) at {@code outOff} of {@code out}.
     */
    static Frame.PayloadWriter sha256Synthetic(Sha256Input.Synthetic s, int from, int to, Path out, long outOff) {
        return o -> {
            o.writeByte(SHA256_SYNTHETIC);
            o.writeInt(s.count());
            o.writeInt(s.length());
            o.writeInt(s.iterations());
            o.writeLong(s.seed());
            o.writeLong(s.first());
            o.writeInt(from);
            o.writeInt(to);
            o.writeUTF(out.toString());
            o.writeLong(outOff);
        };
    }

    /**
     * Describes a shard that hashes {@code count} given messages whose {@code count + 1} file offsets lie at
     * {@code tableOff} of {@code in}, writing the digests at {@code outOff} of {@code out}.
     */
    static Frame.PayloadWriter sha256Messages(Path in, long tableOff, int count, Path out, long outOff) {
        return o -> {
            o.writeByte(SHA256_MESSAGES);
            o.writeUTF(in.toString());
            o.writeLong(tableOff);
            o.writeInt(count);
            o.writeUTF(out.toString());
            o.writeLong(outOff);
        };
    }

    /**
     * Describes a shard that blurs a band with its halo: {@code rows} rows of {@code width x channels} at
     * {@code inOff} of {@code in}; rows {@code [first, first + keep)} of the result go to {@code outOff} of
     * {@code out}, on the Vector API path when {@code vector} is true (the parent's choice for the whole call).
     */
    static Frame.PayloadWriter blur(Path in, long inOff, int width, int rows, int channels, int first, int keep,
            Path out, long outOff, float[] weights, boolean vector) {
        return o -> {
            o.writeByte(BLUR);
            o.writeUTF(in.toString());
            o.writeLong(inOff);
            o.writeInt(width);
            o.writeInt(rows);
            o.writeInt(channels);
            o.writeInt(first);
            o.writeInt(keep);
            o.writeUTF(out.toString());
            o.writeLong(outOff);
            o.writeInt(weights.length);
            for (float w : weights) {
                o.writeFloat(w);
            }
            o.writeBoolean(vector);
        };
    }

    /** Runs the shard described by the rest of a TASK payload; returns the count or the items written. */
    static long run(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        return switch (kind) {
            case SIEVE_COUNT -> SieveSeq.count(in.readLong(), in.readLong(), null);
            case SIEVE_LIST -> sieveList(in);
            case SHA256_SYNTHETIC -> sha256Synthetic(in);
            case SHA256_MESSAGES -> sha256Messages(in);
            case BLUR -> blur(in);
            default -> throw new IOException("unknown shard kind " + kind);
        };
    }

    private static long sieveList(DataInputStream in) throws IOException {
        long from = in.readLong();
        long to = in.readLong();
        MappedByteBuffer region = SharedFile.map(Path.of(in.readUTF()), in.readLong(), in.readInt(), true);
        try {
            byte[] bits = new byte[region.capacity()];
            long count = SieveSeq.count(from, to,
                    p -> bits[(int) ((p - from) >>> 3)] |= (byte) (1 << ((p - from) & 7)));
            region.put(0, bits); // the whole region, so a retried shard never inherits bits from a dead attempt
            return count;
        } finally {
            SharedFile.unmap(region);
        }
    }

    /** Folds messages {@code [from, to)} of the batch and writes the partial fold, 32 bytes, at its slot. */
    private static long sha256Synthetic(DataInputStream in) throws IOException {
        Sha256Input.Synthetic s = new Sha256Input.Synthetic(in.readInt(), in.readInt(), in.readInt(), in.readLong(),
                in.readLong());
        int from = in.readInt();
        int to = in.readInt();
        Path file = Path.of(in.readUTF());
        long offset = in.readLong();
        Sha256Fold fold = new Sha256Fold();
        Sha256Seq.foldSynthetic(Sha256Seq.newDigest(), s, from, to, fold);
        MappedByteBuffer out = SharedFile.map(file, offset, Sha256Fold.BYTES, true);
        try {
            out.put(0, fold.toBytes());
            return to - from;
        } finally {
            SharedFile.unmap(out);
        }
    }

    private static long sha256Messages(DataInputStream in) throws IOException {
        Path inFile = Path.of(in.readUTF());
        long tableOff = in.readLong();
        int count = in.readInt();
        MappedByteBuffer out = SharedFile.map(Path.of(in.readUTF()), in.readLong(), count * 32, true);
        MappedByteBuffer table = SharedFile.map(inFile, tableOff, (count + 1) * 8, false);
        try {
            long[] offsets = new long[count + 1];
            table.asLongBuffer().get(offsets);
            byte[] buf = new byte[Math.min(DIGEST_BATCH, count) * 32];
            for (int i = 0; i < count; i += DIGEST_BATCH) {
                int end = Math.min(count, i + DIGEST_BATCH);
                MappedByteBuffer data = SharedFile.map(inFile, offsets[i],
                        Math.toIntExact(offsets[end] - offsets[i]), false);
                try {
                    List<byte[]> msgs = new ArrayList<>(end - i);
                    for (int k = i; k < end; k++) {
                        byte[] m = new byte[Math.toIntExact(offsets[k + 1] - offsets[k])];
                        data.get((int) (offsets[k] - offsets[i]), m);
                        msgs.add(m);
                    }
                    Sha256Seq.digestRange(new Sha256Input.Messages(msgs), 0, end - i, buf, 0);
                } finally {
                    SharedFile.unmap(data);
                }
                out.put(i * 32, buf, 0, (end - i) * 32);
            }
            return count;
        } finally {
            SharedFile.unmap(table);
            SharedFile.unmap(out);
        }
    }

    private static long blur(DataInputStream in) throws IOException {
        Path inFile = Path.of(in.readUTF());
        long inOff = in.readLong();
        int width = in.readInt();
        int rows = in.readInt();
        int channels = in.readInt();
        int first = in.readInt();
        int keep = in.readInt();
        Path outFile = Path.of(in.readUTF());
        long outOff = in.readLong();
        float[] w = new float[in.readInt()];
        for (int i = 0; i < w.length; i++) {
            w[i] = in.readFloat();
        }
        boolean vector = in.readBoolean();
        int rowBytes = width * channels;
        byte[] band = new byte[Math.multiplyExact(rows, rowBytes)];
        MappedByteBuffer src = SharedFile.map(inFile, inOff, band.length, false);
        try {
            src.get(0, band);
        } finally {
            SharedFile.unmap(src);
        }
        Image blurred = BlurSeq.blur(new Image(width, rows, channels, band), w, vector);
        MappedByteBuffer dst = SharedFile.map(outFile, outOff, keep * rowBytes, true);
        try {
            dst.put(0, blurred.pixels(), first * rowBytes, keep * rowBytes);
        } finally {
            SharedFile.unmap(dst);
        }
        return keep;
    }
}
