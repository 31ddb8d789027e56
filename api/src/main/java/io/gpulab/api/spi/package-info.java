/**
 * What a backend implementation builds on, and users of gpulab never need: {@link
 * io.gpulab.api.spi.SelfTestedProvider} (the cached probe every provider shares) and {@link
 * io.gpulab.api.spi.SelfTest} (the known-answer self-test of each task).
 */
package io.gpulab.api.spi;
