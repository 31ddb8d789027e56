package io.gpulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "1000000000; 1000000000", "1e9; 1000000000", "1E9; 1000000000", "10^9; 1000000000",
        "1_000_000_000; 1000000000", "1.5e9; 1500000000", "10^12+10^9; 1001000000000", "2^31-1; 2147483647",
        "3*10^8; 300000000", "1e18; 1000000000000000000", "2^63-1; 9223372036854775807", "-5; -5", "0; 0",
        " 42 ; 42", "12.0; 12", "2^32; 4294967296"})
    void parsesExactIntegers(String text, long expected) {
        assertEquals(expected, Numbers.parse(text, Long.MIN_VALUE, Long.MAX_VALUE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1e", "10^", "1__0", "_1", "1_", "1e9x", "0x10", "1,000", "--1", "1..5",
        "1e999999999", "10^99999"})
    void rejectsGarbage(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Numbers.parse(text, Long.MIN_VALUE, Long.MAX_VALUE));
        assertTrue(e.getMessage().contains("not a number") || e.getMessage().contains("out of range")
                || e.getMessage().contains("empty"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "1e-3", "10^9/2", "0.1"})
    void rejectsNonIntegers(String text) {
        assertThrows(IllegalArgumentException.class, () -> Numbers.parse(text, Long.MIN_VALUE, Long.MAX_VALUE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2^63", "9223372036854775808", "1e19", "-2^63-1"})
    void rejectsValuesOutsideLong(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Numbers.parse(text, Long.MIN_VALUE, Long.MAX_VALUE));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"--to, garbage", "--to, 1.5", "--from, 10^", "--to, 2^64"})
    void badNumberOptionIsUsageErrorNamingTheOption(String option, String value) {
        String[] args = option.equals("--to") ? new String[] {"run", "sieve", "--backend", "seq", "--to", value}
                : new String[] {"run", "sieve", "--backend", "seq", option, value, "--to", "100"};
        Cli.Result r = Cli.run(args).noStackTrace();
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("'" + option + "'") && r.err().contains(value), r.err());
        assertEquals("", r.out());
    }

    @ParameterizedTest
    @CsvSource({"30s, 30000", "500ms, 500", "5m, 300000", "2h, 7200000", "PT1.5S, 1500", "12, 12000"})
    void parsesDurations(String text, long millis) {
        assertEquals(millis, new DurationConverter().convert(text).toMillis());
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "0s", "-5s", "5x"})
    void rejectsBadDurations(String text) {
        assertThrows(picocli.CommandLine.TypeConversionException.class, () -> new DurationConverter().convert(text));
    }
}
