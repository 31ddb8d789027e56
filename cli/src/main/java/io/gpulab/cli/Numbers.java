package io.gpulab.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses integers exactly as a user types them: {@code 1000000000}, {@code 1_000_000_000}, {@code 1e9},
 * {@code 1.5e9}, {@code 10^9}, and sums, differences and products of those such as {@code 10^12+10^9} or
 * {@code 2^31-1}.
 *
 * <p>Arithmetic is exact ({@link BigDecimal}), so {@code 1e18} is 10^18 and not the nearest double; a value that is
 * not an integer or does not fit the option's type is an error naming the text, never a rounding.
 */
public final class Numbers {

    /** Bounds exponents so that a typo such as {@code 1e999999999} fails fast instead of allocating. */
    private static final int MAX_EXPONENT = 400;

    private final String text;
    private int pos;

    private Numbers(String text) {
        this.text = text;
    }

    /**
     * Parses the text as an exact integer within {@code [min, max]}.
     *
     * @throws IllegalArgumentException with a message quoting the text when it is no integer or out of range
     */
    public static long parse(String text, long min, long max) {
        return parse(text, min, max, min + ".." + max);
    }

    /**
     * Parses the text as an exact integer within {@code [min, max]}, naming the range as {@code range} (such as
     * {@code 0..10^18}) when the value is out of it.
     *
     * @throws IllegalArgumentException with a message quoting the text when it is no integer or out of range
     */
    public static long parse(String text, long min, long max, String range) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("an empty value is not a number");
        }
        BigDecimal v = new Numbers(t).parseAll();
        BigInteger i;
        try {
            i = v.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + t + "' is not an integer");
        }
        if (i.compareTo(BigInteger.valueOf(min)) < 0 || i.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new IllegalArgumentException("'" + t + "' is out of range " + range);
        }
        return i.longValueExact();
    }

    private BigDecimal parseAll() {
        BigDecimal v = expression();
        if (pos != text.length()) {
            throw syntax();
        }
        return v;
    }

    private BigDecimal expression() {
        BigDecimal v = term();
        while (pos < text.length() && (peek() == '+' || peek() == '-')) {
            char op = text.charAt(pos++);
            BigDecimal t = term();
            v = op == '+' ? v.add(t) : v.subtract(t);
        }
        return v;
    }

    private BigDecimal term() {
        BigDecimal v = factor();
        while (pos < text.length() && peek() == '*') {
            pos++;
            v = v.multiply(factor());
            checkMagnitude(v);
        }
        return v;
    }

    private BigDecimal factor() {
        boolean negative = false;
        if (pos < text.length() && (peek() == '-' || peek() == '+')) {
            negative = text.charAt(pos++) == '-';
        }
        BigDecimal v = literal();
        if (pos < text.length() && peek() == '^') {
            pos++;
            BigDecimal e = literal();
            int exp;
            BigInteger base;
            try {
                base = v.toBigIntegerExact();
                exp = e.intValueExact();
            } catch (ArithmeticException ex) {
                throw new IllegalArgumentException("'" + text + "': a power needs an integer base and exponent");
            }
            if (exp > MAX_EXPONENT && base.abs().compareTo(BigInteger.ONE) > 0) {
                throw new IllegalArgumentException("'" + text + "' is far out of range");
            }
            v = new BigDecimal(base.pow(exp));
        }
        return negative ? v.negate() : v;
    }

    /** Reads digits with optional {@code _} separators, an optional fraction and an optional decimal exponent. */
    private BigDecimal literal() {
        int start = pos;
        digits(true);
        if (pos < text.length() && peek() == '.') {
            pos++;
            digits(false);
        }
        if (pos < text.length() && (peek() == 'e' || peek() == 'E')) {
            pos++;
            if (pos < text.length() && (peek() == '+' || peek() == '-')) {
                pos++;
            }
            digits(true);
        }
        String lit = text.substring(start, pos).replace("_", "");
        BigDecimal v;
        try {
            v = new BigDecimal(lit, MathContext.UNLIMITED);
        } catch (NumberFormatException e) {
            throw syntax();
        }
        checkMagnitude(v);
        return v;
    }

    private void digits(boolean required) {
        int start = pos;
        while (pos < text.length()) {
            char c = peek();
            boolean separator = c == '_' && pos > start && pos + 1 < text.length()
                    && Character.isDigit(text.charAt(pos + 1));
            if (!(c >= '0' && c <= '9') && !separator) {
                break;
            }
            pos++;
        }
        if (required && pos == start) {
            throw syntax();
        }
    }

    private void checkMagnitude(BigDecimal v) {
        if (Math.abs((long) v.precision() - v.scale()) > MAX_EXPONENT || Math.abs(v.scale()) > MAX_EXPONENT) {
            throw new IllegalArgumentException("'" + text + "' is far out of range");
        }
    }

    private char peek() {
        return text.charAt(pos);
    }

    private IllegalArgumentException syntax() {
        return new IllegalArgumentException("'" + text + "' is not a number (write 1000000, 1_000_000, 1e6 or 10^6)");
    }

    /** Converts an option value to a {@code long} with {@link Numbers#parse}. */
    public static final class LongConverter implements ITypeConverter<Long> {

        @Override
        public Long convert(String value) {
            try {
                return parse(value, Long.MIN_VALUE, Long.MAX_VALUE);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Converts an option value to an {@code int} with {@link Numbers#parse}. */
    public static final class IntConverter implements ITypeConverter<Integer> {

        @Override
        public Integer convert(String value) {
            try {
                return (int) parse(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
