package io.gpulab.cpu.seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gpulab.tasks.Sha256Fold;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Checks {@link Sha256Seq} against every NIST CAVP SHA-256 byte-oriented vector: ShortMsg, LongMsg and Monte. */
class Sha256SeqNistTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void parserReadsEveryVector() {
        List<NistVectors.Vector> shortMsgs = NistVectors.messages("SHA256ShortMsg.rsp");
        List<NistVectors.Vector> longMsgs = NistVectors.messages("SHA256LongMsg.rsp");
        assertEquals(65, shortMsgs.size(), "ShortMsg vectors");
        assertEquals(64, longMsgs.size(), "LongMsg vectors");
        assertEquals(100, NistVectors.monte("SHA256Monte.rsp").checkpoints().size(), "Monte checkpoints");
        // Len = 0 comes with Msg = 00, which must not be hashed as one zero byte
        assertEquals(0, shortMsgs.get(0).lenBits());
        assertEquals(0, shortMsgs.get(0).msg().length);
        for (NistVectors.Vector v : shortMsgs) {
            assertEquals(v.lenBits() / 8, v.msg().length, "ShortMsg Len " + v.lenBits());
        }
        assertEquals(51200 / 8, longMsgs.get(longMsgs.size() - 1).msg().length, "last LongMsg");
    }

    @TestFactory
    Stream<DynamicTest> shortMsgEachAsABatchOfOne() {
        return eachAsABatchOfOne("SHA256ShortMsg.rsp");
    }

    @TestFactory
    Stream<DynamicTest> longMsgEachAsABatchOfOne() {
        return eachAsABatchOfOne("SHA256LongMsg.rsp");
    }

    private static Stream<DynamicTest> eachAsABatchOfOne(String file) {
        Sha256Seq seq = new Sha256Seq();
        return NistVectors.messages(file).stream().map(v -> DynamicTest.dynamicTest(file + " Len " + v.lenBits(),
                () -> {
                    Sha256Output out = seq.run(new Sha256Input.Messages(List.of(v.msg())));
                    assertEquals(1, out.digests().size());
                    assertEquals(HEX.formatHex(v.md()), HEX.formatHex(out.digests().get(0)),
                            file + " Len " + v.lenBits());
                    assertArrayEquals(Sha256Fold.fold(0, v.md()), out.fold(),
                            "the fold of a batch of one is the fold of its NIST digest");
                }));
    }

    @Test
    void allShortAndLongVectorsInOneBatch() throws Exception {
        List<NistVectors.Vector> all = Stream.concat(NistVectors.messages("SHA256ShortMsg.rsp").stream(),
                NistVectors.messages("SHA256LongMsg.rsp").stream()).toList();
        Sha256Output out = new Sha256Seq().run(new Sha256Input.Messages(all.stream().map(v -> v.msg()).toList()));
        assertEquals(all.size(), out.digests().size());
        Sha256Fold fold = new Sha256Fold();
        for (int i = 0; i < all.size(); i++) {
            assertEquals(HEX.formatHex(all.get(i).md()), HEX.formatHex(out.digests().get(i)),
                    "vector " + i + " (Len " + all.get(i).lenBits() + ") in the batch of " + all.size());
            fold.add(i, all.get(i).md(), 0);
        }
        assertArrayEquals(fold.toBytes(), out.fold(), "fold over the NIST answers in order");
    }

    @Test
    void monteCarloThroughTheSeqKernel() {
        NistVectors.Monte monte = NistVectors.monte("SHA256Monte.rsp");
        Sha256Seq seq = new Sha256Seq();
        byte[] seed = monte.seed();
        byte[] msg = new byte[96];
        for (int round = 0; round < monte.checkpoints().size(); round++) {
            byte[] a = seed;
            byte[] b = seed;
            byte[] c = seed;
            for (int i = 3; i <= 1002; i++) {
                System.arraycopy(a, 0, msg, 0, 32);
                System.arraycopy(b, 0, msg, 32, 32);
                System.arraycopy(c, 0, msg, 64, 32);
                byte[] md = seq.run(new Sha256Input.Messages(List.of(msg))).digests().get(0);
                a = b;
                b = c;
                c = md;
            }
            assertEquals(HEX.formatHex(monte.checkpoints().get(round)), HEX.formatHex(c), "Monte COUNT = " + round);
            seed = c;
        }
    }
}
