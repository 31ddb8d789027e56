/**
 * Reads the result directories of one or several machines and writes the comparison report: one self-contained
 * HTML page with charts embedded as base64 PNG (XChart), and optionally Markdown with the charts beside it.
 */
package io.gpulab.bench.report;
