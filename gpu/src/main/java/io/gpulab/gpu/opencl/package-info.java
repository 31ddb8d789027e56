/**
 * The {@code opencl} backend through JOCL: device listing and choice ({@code opencl:P:D}), a per-device context
 * with a program cache (each portable kernel source built once per process), a profiling queue whose events give
 * the upload, kernel and download phases, and one kernel class per task that splits its launches to fit the
 * device's allocation limit.
 */
package io.gpulab.gpu.opencl;
