package io.gpulab.bench.run;

import java.nio.file.Path;
import java.util.List;

/**
 * Says what a benchmark run wrote and what it left out.
 *
 * @param directory the results directory
 * @param results JMH's JSON results
 * @param environment the environment record
 * @param measured the number of benchmark combinations measured
 * @param skipped the combinations not measured, with their reasons
 */
public record BenchSummary(Path directory, Path results, Path environment, int measured, List<Skip> skipped) {

    /** Creates a summary with an immutable list of skips. */
    public BenchSummary {
        skipped = List.copyOf(skipped);
    }
}
