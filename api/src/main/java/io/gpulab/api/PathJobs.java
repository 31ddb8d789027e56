package io.gpulab.api;

import java.util.List;
import java.util.Map;

/**
 * Implemented by a backend whose workers read files themselves (a cluster over a shared file system): it runs a
 * {@link PathJob} across its workers and brings back one outcome per file in input order.
 */
public interface PathJobs {

    /**
     * The outcomes of one run of a path job, with the run's phases and events.
     *
     * @param outcomes one per file, in input order
     * @param phases the seconds of each phase of the run
     * @param events one line per shard: where it ran
     */
    record Run(List<PathJob.Outcome> outcomes, Map<Phase, Double> phases, List<String> events) {

        /** Copies the lists and the map. */
        public Run {
            outcomes = List.copyOf(outcomes);
            phases = Map.copyOf(phases);
            events = List.copyOf(events);
        }
    }

    /**
     * Runs the job over its files on the backend's workers.
     *
     * @throws BackendException when a worker fails other than on a file
     */
    Run runPaths(PathJob job);
}
