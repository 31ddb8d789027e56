/**
 * The OpenCL runtime of the GPU host path, through JOCL: device listing and choice ({@code opencl:P:D}), a
 * per-device context with a program cache (each kernel source built once per process and options), and
 * {@code OpenClRuntime}, the {@link io.gpulab.gpu.device.Device} whose profiling queue
 * gives the phases and whose buffers stage through direct (off-heap) memory. The task code above it is shared
 * with CUDA ({@code io.gpulab.gpu}).
 */
package io.gpulab.gpu.opencl;
