package io.gpulab.bench.report;

/**
 * Holds one rendered chart of the report.
 *
 * @param name a file-name-safe identifier, unique within the report
 * @param title the chart's title, also its alternative text
 * @param png the PNG image
 */
public record Chart(String name, String title, byte[] png) {
}
