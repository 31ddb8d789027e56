package io.gpulab.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Finds the backend providers on the class path, in a stable order. The providers are loaded once per JVM and then
 * shared, so that each one's cached probe holds across lookups: {@code gpulab run --backend process} probes the
 * backend (starting a worker JVM) once, not once per lookup.
 */
public final class Backends {

    private static final List<String> ORDER = List.of("seq", "forkjoin", "process", "opencl", "cuda");

    private Backends() {
    }

    /** Holds the providers, loaded on first use (class initialization is thread-safe and happens once). */
    private static final class Loaded {
        static final List<BackendProvider> PROVIDERS = load();

        private static List<BackendProvider> load() {
            List<BackendProvider> found = new ArrayList<>();
            for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
                found.add(p);
            }
            found.sort(Comparator.comparingInt((BackendProvider p) -> {
                int i = ORDER.indexOf(p.id());
                return i < 0 ? ORDER.size() : i;
            }).thenComparing(BackendProvider::id));
            return List.copyOf(found);
        }
    }

    /**
     * Returns every provider found by {@link ServiceLoader}, the five standard ones first in their usual order; the
     * same instances on every call.
     */
    public static List<BackendProvider> all() {
        return Loaded.PROVIDERS;
    }

    /** Returns the provider with this id, if one is on the class path. */
    public static Optional<BackendProvider> find(String id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * Opens the backend with this id, or throws with the reason it cannot run; never chooses another backend. The
     * options are checked first ({@link OptionCheck}): an extra key the backend does not declare, or a thread or worker
     * count beyond this machine's bounds, is refused before the backend is probed or opened.
     *
     * @throws BackendUnavailableException when no such backend exists or its probe failed
     * @throws InvalidOptionException when an option is unknown to the backend or out of range
     */
    public static Backend open(String id, BackendOptions options) {
        BackendProvider provider = find(id).orElseThrow(() -> new BackendUnavailableException(
                "unknown backend '" + id + "'; known: " + String.join(", ", all().stream()
                        .map(BackendProvider::id).toList())));
        OptionCheck.check(provider, options, all());
        return provider.openAvailable(options);
    }
}
