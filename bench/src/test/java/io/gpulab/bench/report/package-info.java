/** Tests of the benchmark report: loading JMH results, building tables and charts, rendering in Chromium. */
package io.gpulab.bench.report;
