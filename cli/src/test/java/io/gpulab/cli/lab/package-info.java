/**
 * Tests of {@code gpulab lab}: the verdict logic on crafted measurements, each experiment at a tiny size, the sheets.
 */
package io.gpulab.cli.lab;
