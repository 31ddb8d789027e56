package io.gpulab.cpu.seq;

import io.gpulab.api.BackendException;
import io.gpulab.api.Kernel;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/** Hashes a batch on one thread with the JDK's SHA-256, reusing one digest and one message buffer. */
public final class Sha256Seq implements Kernel<Sha256Input, Sha256Output> {

    @Override
    public Sha256Output run(Sha256Input input) {
        int n = input.count();
        byte[] digests = new byte[Math.multiplyExact(n, 32)];
        digestRange(input, 0, n, digests, 0);
        return output(input, digests);
    }

    /**
     * Writes the final digests of messages {@code [from, to)} of the batch into {@code out} at {@code outOff},
     * 32 bytes each, in batch order: the building block that the parallel backends split among threads or workers.
     */
    public static void digestRange(Sha256Input input, int from, int to, byte[] out, int outOff) {
        MessageDigest md = newDigest();
        try {
            int iterations = input.iterations();
            if (input instanceof Sha256Input.Synthetic s) {
                byte[] msg = new byte[s.length()];
                for (int i = from; i < to; i++) {
                    int o = outOff + (i - from) * 32;
                    s.fill(i, msg, 0);
                    md.update(msg, 0, msg.length);
                    md.digest(out, o, 32);
                    for (int k = 1; k < iterations; k++) {
                        md.update(out, o, 32);
                        md.digest(out, o, 32);
                    }
                }
            } else {
                List<byte[]> msgs = ((Sha256Input.Messages) input).messages();
                for (int i = from; i < to; i++) {
                    byte[] m = msgs.get(i);
                    md.update(m, 0, m.length);
                    md.digest(out, outOff + (i - from) * 32, 32);
                }
            }
        } catch (DigestException e) {
            throw new BackendException("SHA-256 failed: " + e.getMessage(), e);
        }
    }

    /**
     * Builds the output from the concatenated final digests: the combined digest over all of them, and the
     * per-message digests for given messages (none for a synthetic batch).
     */
    public static Sha256Output output(Sha256Input input, byte[] digests) {
        MessageDigest combined = newDigest();
        combined.update(digests);
        List<byte[]> each = new ArrayList<>();
        if (input instanceof Sha256Input.Messages) {
            for (int i = 0; i < input.count(); i++) {
                each.add(java.util.Arrays.copyOfRange(digests, i * 32, i * 32 + 32));
            }
        }
        return new Sha256Output(combined.digest(), each);
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
