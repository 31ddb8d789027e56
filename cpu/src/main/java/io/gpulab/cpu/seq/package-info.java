/**
 * The {@code seq} backend: one thread, the reference every other backend is checked against, and itself
 * checked against outside truth (NIST vectors, published prime counts, blur identities).
 */
package io.gpulab.cpu.seq;
