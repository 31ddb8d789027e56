package io.gpulab.bench.report;

/**
 * Holds one formatted line of a task's result table.
 *
 * @param machine the machine label
 * @param backend the backend (or device) parameter
 * @param size the size name and its description
 * @param time mean milliseconds per run with JMH's error
 * @param throughput work units per second
 * @param speedup the speedup over {@code seq} on the same machine and size, or a dash
 * @param phases the device phases per run (upload, kernel, download), or a dash
 * @param compile the one-off setup time (compile, module load, context, pool start), or a dash
 * @param samples the number of measurement iterations
 */
public record Row(String machine, String backend, String size, String time, String throughput, String speedup,
        String phases, String compile, int samples) {
}
