package io.gpulab.cli.lab;

import java.util.Locale;

/** Formats times, speedups and percentages the same way on every sheet. */
final class Format {

    private Format() {
    }

    /** Returns seconds with a unit that keeps three significant digits: {@code 812 ms}, {@code 2.41 s}. */
    static String seconds(double s) {
        if (Double.isNaN(s)) {
            return "-";
        }
        if (s >= 1) {
            return String.format(Locale.ROOT, "%.2f s", s);
        }
        if (s >= 1e-3) {
            return String.format(Locale.ROOT, "%.3g ms", s * 1e3);
        }
        return String.format(Locale.ROOT, "%.3g us", s * 1e6);
    }

    /** Returns a speedup as {@code 3.92x}. */
    static String speedup(double x) {
        if (Double.isNaN(x)) {
            return "-";
        }
        return String.format(Locale.ROOT, x >= 10 ? "%.1fx" : "%.2fx", x);
    }

    /** Returns a fraction as a whole percentage: {@code 0.254} gives {@code 25%}. */
    static String percent(double f) {
        return String.format(Locale.ROOT, "%.0f%%", f * 100);
    }

    /** Returns a number with two decimals. */
    static String num(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }
}
