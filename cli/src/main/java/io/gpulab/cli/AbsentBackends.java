package io.gpulab.cli;

import io.gpulab.api.Availability;
import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.BackendUnavailableException;
import io.gpulab.api.Backends;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stands in for the backends whose module is built only on request ({@code spark}), so that when it is not on the
 * class path {@code gpulab backends}, {@code run} and {@code compare --backends} still name it and say how to get it.
 */
final class AbsentBackends {

    /** The optional backends, by id, with the one line saying how to build them. */
    private static final Map<String, String> OPTIONAL = Map.of("spark", "module spark is not built or not on the "
            + "class path: ./gpulab --with-spark ... builds it (Apache Spark, about 130 MB, downloaded once; "
            + "mvn -Pspark -pl spark -am package does the same), see docs/cluster.md");

    private AbsentBackends() {
    }

    /** Returns every provider on the class path, then a stand-in for each optional backend that is not. */
    static List<BackendProvider> withAbsent() {
        List<BackendProvider> all = new ArrayList<>(Backends.all());
        for (String id : OPTIONAL.keySet().stream().sorted().toList()) {
            if (all.stream().noneMatch(p -> p.id().equals(id))) {
                all.add(new Absent(id, OPTIONAL.get(id)));
            }
        }
        return all;
    }

    /**
     * Throws the reason an optional backend with this id cannot run, when it is not on the class path; returns
     * quietly otherwise.
     *
     * @throws BackendUnavailableException naming the build step (exit code 3)
     */
    static void check(String id) {
        if (OPTIONAL.containsKey(id) && Backends.find(id).isEmpty()) {
            throw new BackendUnavailableException("backend " + id + " is unavailable: " + OPTIONAL.get(id));
        }
    }

    /** A provider that is only a name and the reason it is missing. */
    private record Absent(String id, String reason) implements BackendProvider {

        @Override
        public Set<String> tasks() {
            return Set.of("blur", "sha256", "sieve");
        }

        @Override
        public Availability probe() {
            return Availability.unavailable(reason);
        }

        @Override
        public Backend open(BackendOptions options) {
            throw new BackendUnavailableException("backend " + id + " is unavailable: " + reason);
        }
    }
}
