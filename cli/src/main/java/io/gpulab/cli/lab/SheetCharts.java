package io.gpulab.cli.lab;

import io.gpulab.bench.report.Chart;
import io.gpulab.bench.report.Charts;

/** Draws a sheet's chart descriptions with the report's chart library, so that sheets and reports look alike. */
final class SheetCharts {

    private SheetCharts() {
    }

    /** Draws one chart as PNG. */
    static Chart draw(ChartSpec c) {
        return switch (c.kind()) {
            case BARS -> Charts.bars(c.name(), c.title(), c.yTitle(), c.categories(), c.series(), null, c.log());
            case LINES -> Charts.lines(c.name(), c.title(), c.yTitle(), c.categories(), c.series(), null, c.log());
            case STACKED -> Charts.stacked(c.name(), c.title(), c.yTitle(), c.categories(), c.series());
        };
    }
}
