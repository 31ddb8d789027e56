/**
 * The GPU host path, written once for both runtimes over the device layer of {@code io.gpulab.gpu.device}:
 * {@link io.gpulab.gpu.GpuBackend} and one kernel per task ({@link io.gpulab.gpu.SieveGpu},
 * {@link io.gpulab.gpu.Sha256Gpu}, {@link io.gpulab.gpu.BlurGpu}) with their planning helpers (segments, batches,
 * bands, launch rounds) and the kernel sources' loader. The runtimes ({@code io.gpulab.gpu.opencl},
 * {@code io.gpulab.gpu.cuda}) only implement the device layer.
 */
package io.gpulab.gpu;
