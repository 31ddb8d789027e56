/** Tests of the task API on the real providers of the cpu module: the provider lookup and the option checks. */
package io.gpulab.api;
