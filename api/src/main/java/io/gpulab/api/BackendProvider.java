package io.gpulab.api;

import java.util.List;
import java.util.Set;

/**
 * Makes one backend known to gpulab through {@link java.util.ServiceLoader}.
 *
 * <p>Constructors touch no native code: loading every provider must succeed on any machine, so that
 * {@code gpulab backends} can list the ones that cannot run together with the reason.
 */
public interface BackendProvider {

    /** Returns the backend id a user types after {@code --backend}. */
    String id();

    /** Returns the ids of the tasks this backend runs. */
    Set<String> tasks();

    /**
     * Probes the backend once (cached): loads native libraries, lists devices and runs a known-answer self-test,
     * turning every failure into one readable reason.
     */
    Availability probe();

    /**
     * Opens the backend on the device named in the options.
     *
     * @throws BackendUnavailableException when the backend or the named device cannot run here
     */
    Backend open(BackendOptions options);

    /**
     * Opens the backend for use once it has passed its probe; the default probes (cached), then opens. A provider
     * whose probe starts what {@link #open} starts again may self-test the opened backend instead.
     *
     * @throws BackendUnavailableException when the backend or the named device cannot run here
     */
    default Backend openAvailable(BackendOptions options) {
        Availability a = probe();
        if (!a.available()) {
            throw new BackendUnavailableException("backend " + id() + " is unavailable: " + a.reason());
        }
        return open(options);
    }

    /**
     * Returns the backend-specific option keys this backend understands ({@code -X KEY=VALUE}, found in
     * {@link BackendOptions#extra()}); {@link Backends#open} refuses any other key as a usage error before the backend
     * opens, naming these keys. A backend that reads an extra key declares it here; the default declares none.
     */
    default List<BackendOptionKey> optionKeys() {
        return List.of();
    }
}
