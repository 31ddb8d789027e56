package io.gpulab.cpu.seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks {@link SieveSeq} against published prime counts (testdata/primes, see SOURCES.md there). */
class SieveSeqTest {

    /** Counting from 0 is direct up to this bound; above it, rows are checked by their difference to the row before. */
    private static final long DIRECT_LIMIT = 1_000_000_007L;

    /**
     * Rows above 2^34 (2^36, 10^11, 10^12, 2^40) take minutes on one thread, so they run only with
     * -Dgpulab.slowTests=true.
     */
    private static final long FAST_LIMIT = 1L << 34;

    private static final boolean SLOW = Boolean.getBoolean("gpulab.slowTests");

    static Stream<Arguments> piRows() {
        List<long[]> rows = read("pi.csv").stream()
                .map(r -> new long[] {Long.parseLong(r[0]), Long.parseLong(r[1])}).toList();
        List<Arguments> args = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            long[] prev = i == 0 ? new long[] {-1, 0} : rows.get(i - 1);
            args.add(Arguments.of(rows.get(i)[0], rows.get(i)[1], prev[0], prev[1]));
        }
        return args.stream();
    }

    static Stream<Arguments> rangeRows() {
        return read("ranges.csv").stream().filter(r -> r[3].equals("primes"))
                .map(r -> Arguments.of(Long.parseLong(r[0]), Long.parseLong(r[1]), Long.parseLong(r[2])));
    }

    /**
     * Checks pi(x) for every row: directly from 0 for small x, and as pi(x) - pi(previous row) = count of
     * (previous, x] above, which by telescoping pins every row and also exercises ranges not starting at 0.
     */
    @ParameterizedTest(name = "pi({0}) = {1}")
    @MethodSource("piRows")
    void countsPrimesUpToEveryTableRow(long x, long pi, long prevX, long prevPi) {
        assumeTrue(x <= FAST_LIMIT || SLOW, "rows above 2^34 run only with -Dgpulab.slowTests=true");
        if (x <= DIRECT_LIMIT) {
            assertEquals(pi, SieveSeq.count(0, x, null), "pi(" + x + ")");
        } else {
            assertEquals(pi - prevPi, SieveSeq.count(prevX + 1, x, null), "primes in (" + prevX + ", " + x + "]");
        }
    }

    /** Checks every prime-count row of ranges.csv, both ends inclusive. */
    @ParameterizedTest(name = "[{0}, {1}] has {2} primes")
    @MethodSource("rangeRows")
    void countsEveryPublishedRange(long start, long stop, long count) {
        assertEquals(count, SieveSeq.count(start, stop, null), "primes in [" + start + ", " + stop + "]");
    }

    private static List<String[]> read(String name) {
        String path = "/testdata/primes/" + name;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(SieveSeqTest.class.getResourceAsStream(path), path),
                StandardCharsets.US_ASCII))) {
            return in.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
