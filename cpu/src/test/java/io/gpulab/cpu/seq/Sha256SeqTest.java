package io.gpulab.cpu.seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.tasks.Sha256Fold;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import io.gpulab.tasks.SyntheticDigests;
import io.gpulab.tasks.Tasks;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks {@link Sha256Seq} against digests computed independently here with {@link MessageDigest}: seeded random
 * batches, the synthetic rule rebuilt with a little-endian ByteBuffer, iterations, padding edges and batch sizes.
 * The fold of those digests is taken with {@link Sha256Fold}, which Sha256FoldTest checks against an outside
 * (Python) reference.
 */
class Sha256SeqTest {

    private static final long SEED = Long.getLong("gpulab.seed", 0x5eed5a256L);
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void randomBatchesMatchMessageDigest() throws Exception {
        System.out.println("Sha256SeqTest.randomBatchesMatchMessageDigest seed " + SEED);
        SplittableRandom rnd = new SplittableRandom(SEED);
        Sha256Seq seq = new Sha256Seq();
        for (int round = 0; round < 20; round++) {
            int n = rnd.nextInt(300);
            List<byte[]> msgs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                byte[] m = new byte[rnd.nextInt(8) == 0 ? rnd.nextInt(5000) : rnd.nextInt(150)];
                rnd.nextBytes(m);
                msgs.add(m);
            }
            Sha256Output out = seq.run(new Sha256Input.Messages(msgs));
            MessageDigest md = sha256();
            Sha256Fold fold = new Sha256Fold();
            assertEquals(n, out.digests().size(), "seed " + SEED + " round " + round);
            for (int i = 0; i < n; i++) {
                byte[] expected = md.digest(msgs.get(i));
                assertEquals(HEX.formatHex(expected), HEX.formatHex(out.digests().get(i)),
                        "seed " + SEED + " round " + round + " message " + i + " of length " + msgs.get(i).length);
                fold.add(i, expected, 0);
            }
            assertArrayEquals(fold.toBytes(), out.fold(), "seed " + SEED + " round " + round + " fold");
        }
    }

    @ParameterizedTest(name = "synthetic 37 x {0} bytes")
    @ValueSource(ints = {0, 1, 7, 8, 9, 31, 32, 55, 56, 63, 64, 65, 119, 120, 1000})
    void syntheticMatchesIndependentComputation(int length) throws Exception {
        checkSynthetic(new Sha256Input.Synthetic(37, length, 1, 123_456_789L));
    }

    @ParameterizedTest(name = "synthetic 3 x {0} bytes, 5 iterations")
    @ValueSource(ints = {0, 55, 56, 63, 64, 65, 119, 120})
    void iteratedSyntheticMatchesIndependentComputation(int length) throws Exception {
        checkSynthetic(new Sha256Input.Synthetic(3, length, 5, -2));
    }

    @ParameterizedTest(name = "synthetic batch of {0}")
    @ValueSource(ints = {0, 1, 2, 2047, 2048, 2049, 4097})
    void syntheticBatchSizes(int count) throws Exception {
        checkSynthetic(new Sha256Input.Synthetic(count, 64, 1, Long.MAX_VALUE - 1000));
    }

    @Test
    void syntheticLongIterationChain() throws Exception {
        checkSynthetic(new Sha256Input.Synthetic(2, 64, 1000, 99));
    }

    @ParameterizedTest(name = "one message of {0} bytes")
    @ValueSource(ints = {0, 55, 56, 63, 64, 65, 119, 120})
    void edgeLengthsAsBatchOfOne(int length) throws Exception {
        byte[] m = new byte[length];
        for (int i = 0; i < length; i++) {
            m[i] = (byte) (i * 31 + 7);
        }
        Sha256Output out = new Sha256Seq().run(new Sha256Input.Messages(List.of(m)));
        byte[] expected = sha256().digest(m);
        assertEquals(HEX.formatHex(expected), HEX.formatHex(out.digests().get(0)), "length " + length);
        assertArrayEquals(Sha256Fold.fold(0, expected), out.fold(), "length " + length + " fold");
    }

    @Test
    void emptyBatchFoldsToZero() {
        Sha256Output given = new Sha256Seq().run(new Sha256Input.Messages(List.of()));
        Sha256Output synthetic = new Sha256Seq().run(new Sha256Input.Synthetic(0, 64, 3, 1));
        assertEquals(List.of(), given.digests());
        assertArrayEquals(new byte[32], given.fold());
        assertArrayEquals(new byte[32], synthetic.fold());
        assertEquals("0".repeat(64), synthetic.foldHex());
    }

    @Test
    void digestRangeWritesOnlyItsSlice() throws Exception {
        Sha256Input.Synthetic s = new Sha256Input.Synthetic(10, 70, 2, 5);
        byte[] all = new byte[10 * 32];
        Sha256Seq.digestRange(s, 0, 10, all, 0);
        byte[] out = new byte[3 + 4 * 32 + 3];
        Arrays.fill(out, (byte) 0x5a);
        Sha256Seq.digestRange(Sha256Seq.newDigest(), s, 4, 8, out, 3);
        assertArrayEquals(Arrays.copyOfRange(all, 4 * 32, 8 * 32), Arrays.copyOfRange(out, 3, 3 + 4 * 32));
        for (int i : new int[] {0, 1, 2, out.length - 3, out.length - 2, out.length - 1}) {
            assertEquals((byte) 0x5a, out[i], "byte " + i + " outside the slice");
        }
        assertThrows(IndexOutOfBoundsException.class, () -> Sha256Seq.digestRange(s, 8, 11, new byte[96], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> Sha256Seq.digestRange(s, 0, 4, new byte[127], 0));
    }

    @Test
    void digestRangeResetsAUsedDigest() throws Exception {
        MessageDigest dirty = Sha256Seq.newDigest();
        dirty.update(new byte[] {1, 2, 3});
        byte[] out = new byte[32];
        Sha256Seq.digestRange(dirty, new Sha256Input.Messages(List.of(new byte[0])), 0, 1, out, 0);
        assertArrayEquals(sha256().digest(), out);
    }

    @Test
    void kernelIsReusableAndAgreesWithTheBuildingBlocks() {
        Sha256Seq seq = new Sha256Seq();
        Sha256Input.Synthetic s = new Sha256Input.Synthetic(3000, 64, 2, 77);
        Sha256Output first = seq.run(s);
        seq.run(new Sha256Input.Messages(List.of(new byte[100])));
        Sha256Output second = seq.run(s);
        byte[] digests = new byte[3000 * 32];
        Sha256Seq.digestRange(s, 0, 3000, digests, 0);
        Sha256Output built = Sha256Seq.output(s, digests);
        assertArrayEquals(first.fold(), second.fold());
        assertArrayEquals(first.fold(), built.fold());
        assertTrue(Tasks.SHA256.compare(first, built).ok());
    }

    /** Rebuilds the synthetic batch the slow, obvious way and compares the fold of its digests. */
    private static void checkSynthetic(Sha256Input.Synthetic s) throws Exception {
        Sha256Fold fold = new Sha256Fold();
        byte[][] digests = SyntheticDigests.of(s);
        for (int i = 0; i < digests.length; i++) {
            fold.add(i, digests[i], 0);
        }
        Sha256Output out = new Sha256Seq().run(s);
        assertEquals(fold.toString(), out.foldHex(), s.toString());
        assertEquals(List.of(), out.digests(), "a synthetic batch returns no per-message digests");
    }

    private static MessageDigest sha256() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256");
    }
}
