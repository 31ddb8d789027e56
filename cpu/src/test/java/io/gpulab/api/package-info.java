/** Tests of the provider lookup on the real providers of the cpu module. */
package io.gpulab.api;
