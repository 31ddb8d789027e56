package io.gpulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.Parallelism;
import org.junit.jupiter.api.Test;

/** Checks that bad {@code -X}, {@code --threads} and {@code --workers} values are one-line usage errors (exit 2). */
class RunOptionsTest {

    private static Cli.Result usageError(String... args) {
        Cli.Result r = Cli.run(args).noStackTrace();
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        return r;
    }

    @Test
    void aNearMissOfABackendKeyIsRefusedWithASuggestion() {
        Cli.Result r = usageError("run", "sieve", "-b", "process", "--workers", "1", "-X", "workerHeap=1g", "--to",
                "100");
        assertTrue(r.err().startsWith("gpulab: unknown backend option 'workerHeap' for backend process; did you mean "
                + "process.workerHeap?; known: process.workerHeap ("), r.err());
    }

    @Test
    void anyKeyOnABackendWithoutOptionsIsRefused() {
        Cli.Result r = usageError("run", "sieve", "-b", "seq", "-X", "foo=bar", "--to", "100");
        assertEquals("gpulab: unknown backend option 'foo' for backend seq; backend seq takes no -X options",
                r.err().strip());
    }

    @Test
    void aKeyWithoutAValueGetsACleanMessage() {
        Cli.Result r = usageError("run", "sieve", "-b", "seq", "-X", "foo", "--to", "100");
        assertEquals("gpulab: -X takes KEY=VALUE, such as -X process.workerHeap=1g: 'foo'", r.err().strip());
        usageError("run", "sieve", "-b", "seq", "-X", "=1", "--to", "100");
        assertTrue(usageError("run", "sieve", "-b", "process", "-X", "process.shards=1", "-X", "process.shards=2",
                "--to", "100").err().contains("given twice"));
    }

    @Test
    void threadsBeyondTheMachineAreAUsageErrorWithTheRange() {
        Cli.Result r = usageError("run", "sieve", "-b", "forkjoin", "--threads", "32768", "--to", "100");
        assertTrue(r.err().startsWith("gpulab: --threads must be between 0 (all processors) and "
                + Parallelism.maxThreads() + " on this machine"), r.err());
        usageError("run", "sieve", "-b", "forkjoin", "--threads", "-1", "--to", "100");
        assertEquals(0, Cli.run("run", "sieve", "-b", "forkjoin", "--threads", Integer.toString(
                Parallelism.maxThreads()), "--to", "100").code(), "the largest allowed count runs");
    }

    @Test
    void workersBeyondTheMachineAreAUsageErrorWithTheRange() {
        Cli.Result r = usageError("run", "sieve", "-b", "process", "--workers", "100000", "--to", "100");
        assertTrue(r.err().startsWith("gpulab: --workers must be between 0 (all processors) and "
                + Parallelism.maxWorkers() + " on this machine"), r.err());
        assertTrue(r.err().contains("MiB per worker JVM"), r.err());
    }
}
