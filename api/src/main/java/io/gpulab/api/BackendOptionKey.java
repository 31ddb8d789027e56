package io.gpulab.api;

/**
 * Describes one backend-specific option key that a {@link BackendProvider} understands, as given on the command line
 * with {@code -X KEY=VALUE} and found in {@link BackendOptions#extra()}.
 *
 * @param key the full key, by convention prefixed with the backend id ({@code process.workerHeap}); one ending in
 *     {@code .*} declares every key with that prefix ({@code spark.*})
 * @param description what the value means and what it accepts, one short phrase for error messages and help
 */
public record BackendOptionKey(String key, String description) {

    /** Checks that the key is a non-blank word without {@code =} or spaces. */
    public BackendOptionKey {
        if (key == null || key.isBlank() || key.contains("=") || key.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("bad backend option key: '" + key + "'");
        }
    }
}
