/** Tests of the {@code spark} backend on real local clusters: conformance, GPU scheduling, faults, options. */
package io.gpulab.spark;
