/** Tests of the helpers backend implementations build on: the kernel registry. */
package io.gpulab.api.spi;
