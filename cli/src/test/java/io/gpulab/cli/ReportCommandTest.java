package io.gpulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path tmp;

    private Path results() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(dir.resolve("jmh-result.json"), "[]");
        return dir;
    }

    @Test
    void aResultsFileStandsForItsFolder() throws IOException {
        Path dir = results();
        Path html = tmp.resolve("r.html");
        Cli.Result r = Cli.run("report", dir.resolve("jmh-result.json").toString(), "--html", html.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(html));
        assertTrue(r.out().contains("1 machine(s)"), r.out());
    }

    @Test
    void aMissingFolderOfTheReportIsNotCreated() throws IOException {
        Path dir = results();
        Path html = tmp.resolve("nonexistent").resolve("x.html");
        Cli.Result r = Cli.run("report", dir.toString(), "--html", html.toString()).noStackTrace();
        assertEquals(6, r.code(), r.err());
        assertEquals("gpulab report: write error on " + html + ": no folder " + html.getParent() + "\n", r.err());
        assertFalse(Files.exists(html.getParent()), "the folder was created");
        Path md = tmp.resolve("nonexistent2").resolve("x.md");
        r = Cli.run("report", dir.toString(), "--html", tmp.resolve("ok.html").toString(), "--md", md.toString());
        assertEquals(6, r.code(), r.err());
        assertFalse(Files.exists(md.getParent()), "the folder was created");
    }

    @Test
    void aFullDiskIsAWriteError() throws IOException {
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "no /dev/full here");
        Path dir = results();
        Cli.Result r = Cli.run("report", dir.toString(), "--html", "/dev/full").noStackTrace();
        assertEquals(6, r.code(), r.err());
        assertEquals("gpulab report: write error on /dev/full: No space left on device\n", r.err());
    }
}
