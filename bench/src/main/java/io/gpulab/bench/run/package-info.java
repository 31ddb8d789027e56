/**
 * Runs the benchmarks through JMH's Runner API: pre-filters backends by their probe, records what was skipped and
 * why, and writes JMH's JSON beside an environment record of the machine.
 */
package io.gpulab.bench.run;
