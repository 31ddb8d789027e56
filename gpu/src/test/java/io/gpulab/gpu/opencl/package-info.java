/** Tests of the {@code opencl} backend: conformance, launch splitting under a cap, errors, devices, phases. */
package io.gpulab.gpu.opencl;
