package io.gpulab.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds the backend providers on the class path, in a stable order. */
public final class Backends {

    private static final List<String> ORDER = List.of("seq", "forkjoin", "process", "opencl", "cuda");

    private Backends() {
    }

    /** Returns every provider found by {@link ServiceLoader}, the five standard ones first in their usual order. */
    public static List<BackendProvider> all() {
        List<BackendProvider> found = new ArrayList<>();
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
            found.add(p);
        }
        found.sort(Comparator.comparingInt((BackendProvider p) -> {
            int i = ORDER.indexOf(p.id());
            return i < 0 ? ORDER.size() : i;
        }).thenComparing(BackendProvider::id));
        return found;
    }

    /** Returns the provider with this id, if one is on the class path. */
    public static Optional<BackendProvider> find(String id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * Opens the backend with this id, or throws with the reason it cannot run; never chooses another backend.
     *
     * @throws BackendUnavailableException when no such backend exists or its probe failed
     */
    public static Backend open(String id, BackendOptions options) {
        BackendProvider provider = find(id).orElseThrow(() -> new BackendUnavailableException(
                "unknown backend '" + id + "'; known: " + String.join(", ", all().stream()
                        .map(BackendProvider::id).toList())));
        Availability a = provider.probe();
        if (!a.available()) {
            throw new BackendUnavailableException("backend " + id + " is unavailable: " + a.reason());
        }
        return provider.open(options);
    }
}
