/**
 * Host-side code both device backends share: loading the portable kernel sources, the sieving primes and the
 * plans that split a job into launches that fit a device's allocation limit (sieve segments, SHA-256 message
 * batches, blur bands with halos). Nothing here touches OpenCL or CUDA.
 */
package io.gpulab.gpu;
