package io.gpulab.tasks;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Rebuilds the final digests of a synthetic SHA-256 batch the slow, obvious way, as an outside reference for tests. */
public final class SyntheticDigests {

    private SyntheticDigests() {
    }

    /**
     * Returns the final digest of every message of {@code s}, built with {@link MessageDigest} and a little-endian
     * {@link ByteBuffer} straight from the rule in {@link Sha256Input.Synthetic}, sharing no code with the backends.
     */
    public static byte[][] of(Sha256Input.Synthetic s) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[][] out = new byte[s.count()][];
        for (int i = 0; i < s.count(); i++) {
            ByteBuffer word = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, s.seed() + i);
            byte[] msg = new byte[s.length()];
            for (int j = 0; j < msg.length; j++) {
                msg[j] = word.get(j % 8);
            }
            byte[] d = md.digest(msg);
            for (int k = 1; k < s.iterations(); k++) {
                d = md.digest(d);
            }
            out[i] = d;
        }
        return out;
    }
}
