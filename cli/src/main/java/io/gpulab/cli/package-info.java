/**
 * The {@code gpulab} command: picocli subcommands {@code backends}, {@code run}, {@code compare}, {@code bench} and
 * {@code report}, their number and duration parsing, file handling, JSON and table output, and the exit codes.
 * The only package of gpulab that prints to the terminal.
 */
package io.gpulab.cli;
