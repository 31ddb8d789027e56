/**
 * The conformance harness every backend plugs into: task x backend x case against {@code seq}. Published in the
 * {@code gpulab-cpu} test-jar so that the {@code gpu} module reuses it.
 */
package io.gpulab.conformance;
