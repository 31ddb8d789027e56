package io.gpulab.gpu.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.Kernel;
import io.gpulab.api.Verdict;
import io.gpulab.conformance.RequireBackend;
import io.gpulab.cpu.seq.SeqBackend;
import io.gpulab.gpu.SieveGpu;
import io.gpulab.gpu.device.DeviceOptions;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveOutput;
import io.gpulab.tasks.Tasks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the sieve's bucketed primes (those above the 2^17-number chunk span) on PoCL with each way sieve.cl fills
 * and crosses them ({@code atomic}: a GPU's global atomic appends; {@code serial}: a CPU device's plain stores):
 * published counts near 10^12 and 10^17 (ranges.csv, copied from the shared test data), a range ending at 10^18
 * against {@code seq}, a listing, and the split of launches when the per-buffer budget holds only a few segments'
 * buckets.
 */
class SieveOpenClBucketsTest {

    private static Backend open(String crossing, String maxBufferBytes) {
        BackendProvider p = RequireBackend.available("opencl");
        Map<String, String> extra = new HashMap<>(Map.of(DeviceOptions.SIEVE_CROSSING, crossing));
        if (maxBufferBytes != null) {
            extra.put(DeviceOptions.MAX_BUFFER_BYTES, maxBufferBytes);
        }
        return p.open(new BackendOptions(null, 0, 0, Duration.ofMinutes(1), extra));
    }

    private static SieveOutput run(Backend b, SieveInput in) {
        try (Kernel<SieveInput, SieveOutput> k = b.prepare(Tasks.SIEVE, in)) {
            return k.run(in);
        }
    }

    @ParameterizedTest(name = "{0}: [{1}, {2}]")
    @CsvSource({"atomic, 1000000000000, 1000100000000", "serial, 1000000000000, 1000100000000",
        "atomic, 100000000000000000, 100000000100000000", "serial, 100000000000000000, 100000000100000000"})
    void countsThePublishedRanges(String crossing, long start, long stop) {
        long count = published(start, stop);
        try (Backend b = open(crossing, null)) {
            assertEquals(count, run(b, SieveInput.count(start, stop)).count(), "[" + start + ", " + stop + "]");
        }
    }

    @ParameterizedTest(name = "{0}, budget {1}")
    @CsvSource({"atomic, 0", "serial, 0", "atomic, 4194304", "serial, 4194304"})
    void countsARangeEndingAt10To18LikeSeq(String crossing, long budget) {
        long to = 1_000_000_000_000_000_000L;
        SieveInput in = SieveInput.count(to - 20_000_000, to);
        SieveOutput expected = run(new SeqBackend(), in);
        try (Backend b = open(crossing, budget > 0 ? Long.toString(budget) : null)) {
            Verdict v = Tasks.SIEVE.compare(expected, run(b, in));
            assertTrue(v.ok(), crossing + ": " + v.firstMismatch());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"atomic", "serial"})
    void splitsLaunchesSoThatTheirBucketsFitTheBudget(String crossing) {
        // about 23,000 entries (92 KB) per chunk near 10^12: a 2 MiB budget holds the buckets of 2 segments
        SieveInput in = SieveInput.count(1_000_000_000_000L, 1_000_000_000_000L + 20_000_000);
        SieveOutput expected = run(new SeqBackend(), in);
        try (Backend b = open(crossing, Integer.toString(2 * 1024 * 1024));
                Kernel<SieveInput, SieveOutput> k = b.prepare(Tasks.SIEVE, in)) {
            Verdict v = Tasks.SIEVE.compare(expected, k.run(in));
            assertTrue(v.ok(), crossing + ": " + v.firstMismatch());
            assertTrue(k.events().stream().anyMatch(e -> e.contains("launches of at most 2 segments")
                    && e.contains("primes bucketed")), k.events().toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"atomic", "serial"})
    void listsTheSamePrimesAsSeqWithBuckets(String crossing) {
        // 3 segments and a part near 10^12, where the primes above 2^17 are bucketed, split at a 1 MiB budget
        long from = 1_000_000_000_000L - 1_000_003;
        long to = from + 3L * 2 * SieveGpu.WORDS * 32 + 12_345;
        List<Long> expected = new ArrayList<>();
        List<Long> actual = new ArrayList<>();
        SieveInput ref = new SieveInput(from, to, expected::add);
        SieveInput in = new SieveInput(from, to, actual::add);
        try (Backend b = open(crossing, Integer.toString(1024 * 1024));
                Kernel<SieveInput, SieveOutput> k = b.prepare(Tasks.SIEVE, in)) {
            assertEquals(run(new SeqBackend(), ref).count(), k.run(in).count());
            assertTrue(k.events().stream().anyMatch(e -> e.contains("primes bucketed")), k.events().toString());
        }
        assertEquals(expected, actual);
    }

    private static long published(long start, long stop) {
        String path = "/testdata/primes/ranges.csv";
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(SieveOpenClBucketsTest.class.getResourceAsStream(path), path),
                StandardCharsets.US_ASCII))) {
            List<String[]> rows = in.lines().skip(1).map(l -> l.split(",", -1)).toList();
            for (String[] r : rows) {
                if (r[3].equals("primes") && Long.parseLong(r[0]) == start && Long.parseLong(r[1]) == stop) {
                    return Long.parseLong(r[2]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no row [" + start + ", " + stop + "] in " + path);
    }
}
