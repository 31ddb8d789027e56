/**
 * The reusable segmented sieve of Eratosthenes behind the {@code seq} and {@code forkjoin} sieve kernels.
 *
 * <p>{@link io.gpulab.cpu.sieve.SievingPrimes} holds the sieving primes up to the square root of the range end,
 * computed once and shared read-only between threads. {@link io.gpulab.cpu.sieve.SegmentSieve} is the per-thread
 * part: it owns one cache-sized segment buffer and sieves any sub-range, returning its count or streaming its primes
 * in ascending order. Numbers are stored on a mod-30 wheel (8 candidates per byte), the multiples of 7 to 101 are
 * pre-sieved by copying a pattern, small sieving primes walk 8 strided progressions per segment, medium ones (a few
 * hits per segment) are all walked in every segment, and large ones wait in per-segment buckets until the segment
 * that holds their next multiple.
 */
package io.gpulab.cpu.sieve;
