/**
 * The {@code forkjoin} backend: one {@link java.util.concurrent.ForkJoinPool} per backend instance, work split so
 * that every core stays busy and nothing is computed twice.
 */
package io.gpulab.cpu.forkjoin;
