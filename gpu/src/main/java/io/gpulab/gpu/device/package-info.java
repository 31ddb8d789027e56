/**
 * The thin device layer under the shared GPU host code: a {@link io.gpulab.gpu.device.Device} (program build or
 * module load, launches checked against a {@link io.gpulab.gpu.device.KernelSpec}, two in-order queues ordered
 * by {@link io.gpulab.gpu.device.DeviceEvent}s, phase timing, typed errors, host memory for copies without staging),
 * its {@link io.gpulab.gpu.device.DeviceBuffer}s with host staging outside the Java heap and direct copies,
 * and the option vocabulary of both runtimes ({@link io.gpulab.gpu.device.DeviceOptions}). The OpenCL (JOCL) and
 * CUDA (JCuda) implementations live in {@code io.gpulab.gpu.opencl} and {@code io.gpulab.gpu.cuda}.
 */
package io.gpulab.gpu.device;
