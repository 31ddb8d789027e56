package io.gpulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Checks the progress line's logic with an injected terminal flag and clock; no real time passes. */
class RunProgressTest {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final StringWriter text = new StringWriter();

    private RunProgress progress(boolean terminal) {
        return new RunProgress(new PrintWriter(text, true), terminal, now::get);
    }

    private void advance(double seconds) {
        now.addAndGet((long) (seconds * 1e9));
    }

    @Test
    void showsDoneTotalRateAndTimeLeftOnlyAfterASecond() {
        RunProgress p = progress(true);
        p.expect(100_000_000_000L, "numbers");
        AtomicLong kernel = new AtomicLong();
        p.running(kernel::get);
        advance(0.9);
        kernel.set(1_000_000_000L);
        assertNull(p.tick(), "a run shorter than a second shows nothing");
        assertEquals("", text.toString());
        advance(1.1); // 2 s: 10^10 of 10^11 done at 5 G/s, 18 s left
        kernel.set(10_000_000_000L);
        assertEquals("10.0 G/100 G numbers (10%), 5.00 G numbers/s, 18 s left", p.tick());
        assertTrue(text.toString().startsWith("\r\033[K10.0 G/100 G"), text.toString());
        p.finished(100_000_000_000L);
        advance(18);
        assertEquals("100 G/100 G numbers (100%), 5.00 G numbers/s", p.tick());
        p.phase("checking against seq");
        assertEquals("checking against seq, 20 s", p.tick());
        p.close();
        assertTrue(text.toString().endsWith("\r\033[K"), "the line is cleared before the results");
        int before = text.toString().length();
        assertNull(p.tick(), "nothing after close");
        assertEquals(before, text.toString().length());
    }

    @Test
    void aKernelThatCannotTellCountsWholeRuns() {
        RunProgress p = progress(true);
        p.expect(3 * 1000, "hashes");
        p.running(() -> -1);
        advance(2);
        assertEquals("0/3000 hashes (0%), 2 s", p.tick());
        p.finished(1000);
        assertEquals("1000/3000 hashes (33%), 500 hashes/s, 4 s left", p.tick());
    }

    @Test
    void filesWithoutATotalShowWhatIsDone() {
        RunProgress p = progress(true);
        p.totalUnknown();
        p.expect(40, "hashes");
        p.finished(40);
        advance(4);
        assertEquals("40 hashes done, 10.0 hashes/s", p.tick());
    }

    @Test
    void nothingWithoutATerminal() {
        RunProgress p = progress(false);
        p.expect(10, "pixels");
        advance(100);
        assertNull(p.tick());
        p.clear();
        p.close();
        assertEquals("", text.toString());
    }

    @Test
    void aPipedRunPrintsNoProgress() {
        // the test JVM has no console: a long run must leave stderr holding only its timing line
        Cli.Result r = Cli.run("run", "sieve", "-b", "seq", "--to", "10^6", "--repeat", "3");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(!r.err().contains("\r"), r.err());
    }
}
