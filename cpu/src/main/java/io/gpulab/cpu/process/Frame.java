package io.gpulab.cpu.process;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * One message of the control channel between the parent and a worker, as a length-prefixed binary frame.
 *
 * <p>Layout, big-endian: magic {@code "GPLW"} (4 bytes), type (1 byte), payload length (4 bytes, at most
 * {@link #MAX_PAYLOAD}), payload, CRC-32 over type, length and payload (4 bytes). Every field is checked on
 * reading, so stray bytes on a worker's stdout (a library that prints, a JVM message) are a framing error, never a
 * result. Bulk data never travels here: it goes through {@link SharedFile}s.
 *
 * @param type one of the {@code HELLO}, {@code TASK}, {@code DONE}, {@code ERROR}, {@code HEARTBEAT} constants
 * @param payload the type-specific bytes
 */
record Frame(byte type, byte[] payload) {

    /** The first four bytes of every frame: "GPLW". */
    static final int MAGIC = 0x47504C57;
    /** The largest payload accepted: control frames are small, so anything bigger is garbage. */
    static final int MAX_PAYLOAD = 1 << 20;
    /** Worker to parent, once at start: its pid (long). */
    static final byte HELLO = 1;
    /** Parent to worker: one shard (shard id, attempt, task kind, task fields). */
    static final byte TASK = 2;
    /** Worker to parent: the shard id and a long result (a count, or the items written to shared memory). */
    static final byte DONE = 3;
    /** Worker to parent: the shard id and a one-line error message. */
    static final byte ERROR = 4;
    /**
     * Worker to parent, while a shard runs: the shard id and the CPU time (ns) its computing thread has used, sent
     * only when that time grew since the last heartbeat; silence means no progress ({@link Heartbeat}).
     */
    static final byte HEARTBEAT = 5;

    /** Writes the frame and flushes it. */
    void write(OutputStream out) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(13 + payload.length);
        b.putInt(MAGIC).put(type).putInt(payload.length).put(payload).putInt(crc(type, payload));
        out.write(b.array());
        out.flush();
    }

    /**
     * Reads the next frame, checking magic, type, length and checksum.
     *
     * @return the frame, or null at a clean end of stream (before the first byte of a frame)
     * @throws FramingException when the bytes are not a valid frame
     */
    static Frame read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        int first = d.read();
        if (first < 0) {
            return null;
        }
        try {
            int magic = first << 24 | d.readUnsignedByte() << 16 | d.readUnsignedByte() << 8 | d.readUnsignedByte();
            if (magic != MAGIC) {
                throw new FramingException(String.format("bad magic 0x%08x (expected 0x%08x)", magic, MAGIC));
            }
            byte type = d.readByte();
            if (type < HELLO || type > HEARTBEAT) {
                throw new FramingException("unknown frame type " + type);
            }
            int length = d.readInt();
            if (length < 0 || length > MAX_PAYLOAD) {
                throw new FramingException("frame length " + length + " outside 0.." + MAX_PAYLOAD);
            }
            byte[] payload = new byte[length];
            d.readFully(payload);
            int crc = d.readInt();
            if (crc != crc(type, payload)) {
                throw new FramingException("checksum mismatch on a frame of type " + type);
            }
            return new Frame(type, payload);
        } catch (EOFException e) {
            throw new FramingException("stream ended inside a frame", e);
        }
    }

    /** Returns a reader over the payload. */
    DataInputStream reader() {
        return new DataInputStream(new ByteArrayInputStream(payload));
    }

    /** Builds a frame of this type from fields written by {@code body}. */
    static Frame of(byte type, PayloadWriter body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            body.write(out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return new Frame(type, bytes.toByteArray());
    }

    private static int crc(byte type, byte[] payload) {
        CRC32 c = new CRC32();
        c.update(type);
        c.update(ByteBuffer.allocate(4).putInt(payload.length).array());
        c.update(payload);
        return (int) c.getValue();
    }

    /** Writes the fields of a payload. */
    @FunctionalInterface
    interface PayloadWriter {

        /** Writes the fields to {@code out}. */
        void write(DataOutputStream out) throws IOException;
    }
}
