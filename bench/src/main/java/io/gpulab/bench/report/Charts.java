package io.gpulab.bench.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;

/**
 * Draws the report's charts with XChart and encodes them as PNG; missing values are left out (null), never drawn
 * as zero. The AWT toolkit runs headless, so no display is needed. Public so that {@code gpulab lab} draws its
 * sheets with the same look.
 */
public final class Charts {

    /** The width of every chart in pixels. */
    public static final int WIDTH = 860;
    /** The height of every chart in pixels. */
    public static final int HEIGHT = 420;
    private static final Color[] PALETTE = {new Color(0x2F6DB5), new Color(0xE07B39), new Color(0x3A9E6F),
        new Color(0xB8457A), new Color(0x7A5CC4), new Color(0x8C8C8C)};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /**
     * Draws grouped bars: one group per category, one bar per series, with symmetric error bars where given.
     *
     * @param series values by series name, each list aligned with {@code categories}, null where missing
     * @param errors error half-widths aligned the same way, or null for no error bars
     */
    public static Chart bars(String name, String title, String yTitle, List<String> categories,
            Map<String, List<Double>> series, Map<String, List<Double>> errors, boolean log) {
        CategoryChart c = base(title, yTitle);
        c.getStyler().setYAxisLogarithmic(log);
        boolean withErrors = errors != null;
        for (Map.Entry<String, List<Double>> s : series.entrySet()) {
            List<Double> e = withErrors ? errors.get(s.getKey()) : null;
            c.addSeries(s.getKey(), categories, gaps(s.getValue(), e != null), e == null ? null
                    : zeroNulls(e, s.getValue()));
        }
        return encode(name, title, c);
    }

    /**
     * Marks missing values the way XChart skips them: null without error bars, NaN with them, because its range
     * computation with error bars cannot take null while NaN fails every comparison and is left out.
     */
    private static List<Double> gaps(List<Double> values, boolean withErrors) {
        return withErrors ? values.stream().map(v -> v == null ? Double.NaN : v).toList() : values;
    }

    /** Draws lines over ordered categories (sizes), one line per series, on a logarithmic axis when asked. */
    public static Chart lines(String name, String title, String yTitle, List<String> categories,
            Map<String, List<Double>> series, Map<String, List<Double>> errors, boolean log) {
        if (log && errors != null) {
            throw new IllegalArgumentException("XChart draws error bars wrongly on a logarithmic axis");
        }
        CategoryChart c = base(title, yTitle);
        c.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        // every series' point of a category at the category itself, not shifted sideways as bars are
        c.getStyler().setOverlapped(true);
        c.getStyler().setYAxisLogarithmic(log);
        // one legend entry per machine and backend: a column beside the plot stays readable, a row overflows
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        for (Map.Entry<String, List<Double>> s : series.entrySet()) {
            List<Double> e = errors == null ? null : errors.get(s.getKey());
            c.addSeries(s.getKey(), categories, gaps(s.getValue(), e != null), e == null ? null
                    : zeroNulls(e, s.getValue()));
        }
        return encode(name, title, c);
    }

    /** Draws stacked bars: one bar per category, one stacked segment per series. */
    public static Chart stacked(String name, String title, String yTitle, List<String> categories,
            Map<String, List<Double>> series) {
        CategoryChart c = base(title, yTitle);
        c.getStyler().setStacked(true);
        int labelChars = categories.stream().mapToInt(String::length).sum();
        c.getStyler().setXAxisLabelRotation(labelChars * 7 > WIDTH - 100 ? 30 : 0);
        for (Map.Entry<String, List<Double>> s : series.entrySet()) {
            c.addSeries(s.getKey(), categories, s.getValue().stream().map(v -> v == null ? 0.0 : v).toList());
        }
        return encode(name, title, c);
    }

    private static CategoryChart base(String title, String yTitle) {
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(yTitle)
                .build();
        CategoryStyler s = c.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setPlotGridLinesColor(new Color(0xE3E6EA));
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setBaseFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendBorderColor(Color.WHITE);
        s.setSeriesColors(PALETTE);
        s.setErrorBarsColorSeriesColor(false);
        s.setErrorBarsColor(new Color(0x333333));
        s.setAvailableSpaceFill(0.7);
        s.setAntiAlias(true);
        return c;
    }

    /**
     * Keeps error bars only where a value exists, because XChart draws a bar's error even around a gap, and clips
     * each at zero: XChart draws symmetric bars, and a throughput or a time is never negative, while the symmetric
     * half-width of an inverted confidence interval (or JMH's own error of a noisy time) can exceed the value.
     */
    static List<Double> zeroNulls(List<Double> errors, List<Double> values) {
        return java.util.stream.IntStream.range(0, values.size())
                .mapToObj(i -> values.get(i) == null || errors.get(i) == null || errors.get(i).isNaN() ? 0.0
                        : Math.max(0, Math.min(errors.get(i), values.get(i)))).toList();
    }

    private static Chart encode(String name, String title, CategoryChart c) {
        try {
            return new Chart(name, title, BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart " + title, e);
        }
    }
}
