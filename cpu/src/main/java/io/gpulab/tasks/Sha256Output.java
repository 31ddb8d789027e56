package io.gpulab.tasks;

import java.util.HexFormat;
import java.util.List;

/**
 * Holds the result of hashing a batch.
 *
 * @param combined SHA-256 over the concatenation of the final digests in batch order (32 bytes)
 * @param digests the final digest of each message for given messages; empty for a synthetic batch
 */
public record Sha256Output(byte[] combined, List<byte[]> digests) {

    /** Creates the result with an immutable list of the same digest arrays. */
    public Sha256Output {
        digests = List.copyOf(digests);
    }

    /** Returns the combined digest in lower-case hex. */
    public String combinedHex() {
        return HexFormat.of().formatHex(combined);
    }
}
