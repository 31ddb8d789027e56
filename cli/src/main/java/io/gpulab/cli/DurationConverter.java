package io.gpulab.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, a bare number of seconds or ISO {@code PT30S}. */
public final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (v.startsWith("pt") || v.startsWith("p")) {
                d = Duration.parse(v.toUpperCase(Locale.ROOT));
            } else if (v.endsWith("ms")) {
                d = Duration.ofMillis(Numbers.parse(v.substring(0, v.length() - 2), 0, Long.MAX_VALUE));
            } else if (v.endsWith("s")) {
                d = Duration.ofSeconds(Numbers.parse(v.substring(0, v.length() - 1), 0, Long.MAX_VALUE / 1000));
            } else if (v.endsWith("m")) {
                d = Duration.ofMinutes(Numbers.parse(v.substring(0, v.length() - 1), 0, Long.MAX_VALUE / 60_000));
            } else if (v.endsWith("h")) {
                d = Duration.ofHours(Numbers.parse(v.substring(0, v.length() - 1), 0, Long.MAX_VALUE / 3_600_000));
            } else {
                d = Duration.ofSeconds(Numbers.parse(v, 0, Long.MAX_VALUE / 1000));
            }
            if (d.isNegative() || d.isZero()) {
                throw new TypeConversionException("'" + value + "' is not a positive duration");
            }
            return d;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a duration (write 500ms, 30s, 5m, 2h or PT30S)");
        }
    }
}
