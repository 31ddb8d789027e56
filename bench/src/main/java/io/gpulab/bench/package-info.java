/**
 * The JMH benchmarks, one class per task over backend x size, with their trial fixture and the phase counters
 * that report a device kernel's own time beside the end-to-end time.
 */
package io.gpulab.bench;
