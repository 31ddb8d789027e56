/**
 * The conformance harness every backend plugs into: task x backend x case against {@code seq}. Published in the
 * {@code gpulab-api} test-jar, so that every backend module ({@code cpu}, {@code gpu}, ...) reuses it.
 */
package io.gpulab.conformance;
