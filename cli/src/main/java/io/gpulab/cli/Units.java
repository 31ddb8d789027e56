package io.gpulab.cli;

import java.util.Locale;

/** Formats seconds and throughputs for people: {@code 1.23 s}, {@code 45.6 ms}, {@code 812 M numbers/s}. */
public final class Units {

    private Units() {
    }

    /** Returns the seconds with three significant digits in s, ms or us. */
    public static String seconds(double s) {
        if (!Double.isFinite(s)) {
            return "-";
        }
        if (s >= 1) {
            return String.format(Locale.ROOT, "%.3f s", s);
        }
        if (s >= 1e-3) {
            return String.format(Locale.ROOT, "%.2f ms", s * 1e3);
        }
        return String.format(Locale.ROOT, "%.1f us", s * 1e6);
    }

    /** Returns the rate with an SI prefix (k, M, G, T) and the unit per second. */
    public static String rate(double perSecond, String unit) {
        if (!Double.isFinite(perSecond)) {
            return "-";
        }
        String[] prefixes = {"", "k", "M", "G", "T", "P"};
        double v = perSecond;
        int p = 0;
        while (v >= 1000 && p < prefixes.length - 1) {
            v /= 1000;
            p++;
        }
        String num = v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
        return num + " " + (prefixes[p].isEmpty() ? "" : prefixes[p] + " ") + unit + "/s";
    }
}
