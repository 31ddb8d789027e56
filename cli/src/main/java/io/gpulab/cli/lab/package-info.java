/**
 * Runs {@code gpulab lab}: the course's experiments (I/O against CPU work, primes in four ranges, a batch of photos,
 * when a GPU pays, which tool for which job), each measured on the machine at hand, verified like {@code compare},
 * judged against the course's expectation with a verdict computed from the measured spread, and written as a text,
 * Markdown, HTML or JSON lab sheet.
 */
package io.gpulab.cli.lab;
