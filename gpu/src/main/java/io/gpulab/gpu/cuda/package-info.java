/**
 * The {@code cuda} backend: JCuda's driver API running the shared kernel sources ({@code sieve.cl},
 * {@code sha256.cl}, {@code blur.cl} with {@code gpulab_portable.h}), compiled to PTX by
 * {@code gpu/scripts/build-ptx.sh} and shipped as resources, so a user needs only the NVIDIA driver.
 *
 * <p>Modules are JIT-compiled by the driver for the device at hand; a driver too old for the PTX falls back to
 * NVRTC where installed, else the backend is unavailable with that reason. Each run uses pinned host buffers,
 * splits inputs to fit the free device memory, times its upload, kernel and download phases with CUDA events, and
 * recovers its context after a sticky error. The task classes state their decomposition, memory layout and
 * host/device traffic.
 */
package io.gpulab.gpu.cuda;
