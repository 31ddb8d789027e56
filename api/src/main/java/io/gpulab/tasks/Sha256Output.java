package io.gpulab.tasks;

import java.util.HexFormat;
import java.util.List;

/**
 * Holds the result of hashing a batch.
 *
 * @param fold the {@link Sha256Fold} of the final digests (32 bytes; all zero for an empty batch)
 * @param digests the final digest of each message for given messages; empty for a synthetic batch
 */
public record Sha256Output(byte[] fold, List<byte[]> digests) {

    /** Creates the result with an immutable list of the same digest arrays. */
    public Sha256Output {
        digests = List.copyOf(digests);
    }

    /** Returns the fold in lower-case hex. */
    public String foldHex() {
        return HexFormat.of().formatHex(fold);
    }
}
