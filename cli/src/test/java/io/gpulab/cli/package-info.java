/** Tests of the {@code gpulab} command, run in-process with captured stdout and stderr. */
package io.gpulab.cli;
