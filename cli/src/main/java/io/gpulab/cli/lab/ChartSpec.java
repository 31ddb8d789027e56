package io.gpulab.cli.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Describes a chart of a sheet as data, so that the JSON sheet carries it too and the HTML and Markdown sheets draw
 * it with the report's chart library.
 *
 * @param kind bars, lines or stacked bars
 * @param name a file-name-safe identifier, unique within a sheet
 * @param title the chart's title
 * @param yTitle the title of the value axis
 * @param categories the categories along the x axis
 * @param series values by series name, each aligned with {@code categories}, null where missing
 * @param log true for a logarithmic value axis
 */
public record ChartSpec(Kind kind, String name, String title, String yTitle, List<String> categories,
        Map<String, List<Double>> series, boolean log) {

    /** The kinds of chart. */
    public enum Kind {
        /** Grouped bars. */
        BARS,
        /** Lines over ordered categories. */
        LINES,
        /** Stacked bars. */
        STACKED
    }

    /** Creates the spec, keeping the series in their order. */
    public ChartSpec {
        categories = List.copyOf(categories);
        series = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(series));
    }
}
