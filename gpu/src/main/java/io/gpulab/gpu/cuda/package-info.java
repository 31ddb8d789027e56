/**
 * The CUDA runtime of the GPU host path, through JCuda's driver API: the only code CI cannot run, kept to the
 * runtime shim. It loads the driver ({@code CudaDriver}), lists devices ({@code CudaDevices}), owns a context and
 * stream with recovery from sticky errors ({@code CudaContext}), loads the shipped PTX of the shared kernel
 * sources ({@code CudaModules}; NVRTC where the driver is too old), and implements the
 * {@link io.gpulab.gpu.device.Device} layer ({@code CudaRuntime}, {@code CudaBuffer} with pinned staging,
 * {@code CudaFunction}). Everything above it, the task kernels' allocation, splitting, launches, folds, phase
 * timing and events, is the shared code of {@code io.gpulab.gpu}, which the OpenCL runtime runs on PoCL in CI.
 */
package io.gpulab.gpu.cuda;
