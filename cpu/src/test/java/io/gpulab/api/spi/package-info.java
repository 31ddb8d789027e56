/** Tests of the provider helpers, run on the real {@code seq} backend. */
package io.gpulab.api.spi;
