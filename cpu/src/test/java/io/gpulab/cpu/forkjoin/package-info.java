/** Tests of the forkjoin backend: each kernel against seq over thread counts and seeded ranges, and conformance. */
package io.gpulab.cpu.forkjoin;
