package io.gpulab.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.Verdict;
import io.gpulab.cpu.seq.Sha256Seq;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link Sha256Fold} and the fold {@code seq} reports against the outside reference in
 * {@code sha256fold/fold-reference.csv} (written by a Python script from the definition), and the properties the
 * README promises: one wrong digest always changes the fold, a swap changes it, partial folds add up.
 */
class Sha256FoldTest {

    private static final long SEED = Long.getLong("gpulab.seed", 0xf01dL);
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void seqAndTheFoldClassMatchThePythonReference() throws Exception {
        List<String> rows = reference();
        assertEquals(91, rows.size(), "reference rows: 1 empty batch + 3 counts x 5 lengths x 2 x 3 seeds");
        Sha256Seq seq = new Sha256Seq();
        for (String row : rows) {
            String[] f = row.split(",");
            Sha256Input.Synthetic s = new Sha256Input.Synthetic(Integer.parseInt(f[0]), Integer.parseInt(f[1]),
                    Integer.parseInt(f[2]), Long.parseLong(f[3]));
            assertEquals(f[4], seq.run(s).foldHex(), "seq on " + s);
            assertEquals(f[4], HEX.formatHex(Sha256Fold.fold(0, SyntheticDigests.of(s))), "Sha256Fold on " + s);
        }
    }

    @Test
    void oneWrongDigestAlwaysChangesTheFold() {
        System.out.println("Sha256FoldTest.oneWrongDigestAlwaysChangesTheFold seed " + SEED);
        SplittableRandom rnd = new SplittableRandom(SEED);
        byte[][] d = randomDigests(rnd, 48);
        byte[] good = Sha256Fold.fold(0, d);
        for (int i = 0; i < d.length; i++) {
            for (int b = 0; b < 32; b++) {
                byte saved = d[i][b];
                for (int bit = 0; bit < 8; bit++) {
                    d[i][b] = (byte) (saved ^ (1 << bit));
                    assertFalse(Arrays.equals(good, Sha256Fold.fold(0, d)), "bit " + bit + " of byte " + b
                            + " of digest " + i + ", seed " + SEED);
                }
                d[i][b] = (byte) (saved + 1 + rnd.nextInt(255));
                assertFalse(Arrays.equals(good, Sha256Fold.fold(0, d)), "byte " + b + " of digest " + i);
                d[i][b] = saved;
            }
        }
        assertArrayEquals(good, Sha256Fold.fold(0, d), "every digest restored");
    }

    @Test
    void swappingTwoDigestsChangesTheFold() {
        System.out.println("Sha256FoldTest.swappingTwoDigestsChangesTheFold seed " + SEED);
        byte[][] d = randomDigests(new SplittableRandom(SEED), 40);
        byte[] good = Sha256Fold.fold(0, d);
        for (int i = 0; i < d.length; i++) {
            for (int j = i + 1; j < d.length; j++) {
                byte[][] swapped = d.clone();
                swapped[i] = d[j];
                swapped[j] = d[i];
                assertFalse(Arrays.equals(good, Sha256Fold.fold(0, swapped)), "swap " + i + " and " + j);
            }
        }
        assertFalse(Arrays.equals(good, Sha256Fold.fold(1, d)), "the same digests at other indices");
    }

    @Test
    void partialFoldsOfAnySplitAddUpToTheWhole() {
        byte[][] d = randomDigests(new SplittableRandom(SEED), 30);
        byte[] packed = new byte[32 * d.length];
        for (int i = 0; i < d.length; i++) {
            System.arraycopy(d[i], 0, packed, 32 * i, 32);
        }
        byte[] whole = Sha256Fold.fold(0, d);
        for (int k = 0; k <= d.length; k++) {
            Sha256Fold tail = new Sha256Fold();
            tail.addAll(k, packed, 32 * k, d.length - k);
            Sha256Fold head = new Sha256Fold();
            head.addAll(0, packed, 0, k);
            head.add(tail);
            assertArrayEquals(whole, head.toBytes(), "split at " + k);
            Sha256Fold lanes = new Sha256Fold();
            lanes.addLanes(tail.lane(0), tail.lane(1), tail.lane(2), tail.lane(3));
            lanes.add(new Sha256Fold());
            lanes.addAll(0, packed, 0, k);
            assertArrayEquals(whole, lanes.toBytes(), "split at " + k + " through addLanes");
        }
    }

    @Test
    void theMixIsInvertible() {
        System.out.println("Sha256FoldTest.theMixIsInvertible seed " + SEED);
        SplittableRandom rnd = new SplittableRandom(SEED);
        long[] edge = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE};
        for (int n = 0; n < 100_000; n++) {
            long x = n < edge.length ? edge[n] : rnd.nextLong();
            assertEquals(x, unmix(Sha256Fold.mix(x)), "x = " + Long.toHexString(x));
        }
    }

    @Test
    void compareReportsAFoldThatDisagreesWhenTheDigestsAgree() {
        List<byte[]> d = List.of(new byte[32]);
        Sha256Output expected = new Sha256Output(Sha256Fold.fold(0, d.get(0)), d);
        byte[] wrong = expected.fold().clone();
        wrong[31] ^= 1;
        Verdict v = Tasks.SHA256.compare(expected, new Sha256Output(wrong, d));
        assertFalse(v.ok());
        assertEquals(1, v.mismatches());
        assertTrue(v.firstMismatch().startsWith("fold "), v.firstMismatch());
        assertTrue(Tasks.SHA256.compare(expected, new Sha256Output(expected.fold().clone(), d)).ok());
    }

    @Test
    void foldRefusesAnythingButADigest() {
        assertThrows(IllegalArgumentException.class, () -> Sha256Fold.fold(0, new byte[31]));
        assertThrows(IndexOutOfBoundsException.class, () -> new Sha256Fold().add(0, new byte[40], 9));
    }

    /** Inverts {@link Sha256Fold#mix} step by step: the proof, by construction, that it is a bijection. */
    private static long unmix(long x) {
        x = unshift(x, 31);
        x *= inverse(0x94D049BB133111EBL);
        x = unshift(x, 27);
        x *= inverse(0xBF58476D1CE4E5B9L);
        return unshift(x, 30);
    }

    /** Inverts {@code y = x ^ (x >>> s)}: the top s bits of y are x's, and each pass recovers s more. */
    private static long unshift(long y, int s) {
        long x = y;
        for (int done = s; done < 64; done += s) {
            x = y ^ (x >>> s);
        }
        return x;
    }

    /** Returns the inverse of an odd number mod 2^64 by Newton's iteration (each step doubles the good bits). */
    private static long inverse(long a) {
        long x = a; // a * a == 1 mod 8, so x is right in its low 3 bits
        for (int i = 0; i < 5; i++) {
            x *= 2 - a * x;
        }
        assertEquals(1L, a * x);
        return x;
    }

    private static byte[][] randomDigests(SplittableRandom rnd, int n) {
        byte[][] d = new byte[n][32];
        for (byte[] x : d) {
            rnd.nextBytes(x);
        }
        return d;
    }

    private static List<String> reference() throws IOException {
        try (InputStream in = Sha256FoldTest.class.getResourceAsStream("/sha256fold/fold-reference.csv")) {
            assertNotNull(in, "sha256fold/fold-reference.csv is missing from the test resources");
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
            assertEquals("count,length,iterations,seed,fold", lines.get(0));
            return lines.subList(1, lines.size());
        }
    }
}
