package io.gpulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

    @TempDir
    Path tmp;

    @Test
    void aLoopOfLinksIsNotAMissingFile() throws IOException {
        Path a = tmp.resolve("loop1");
        Path b = tmp.resolve("loop2");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        Path dangling = Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("nowhere"));
        Cli.Result r = Cli.run("run", "sha256", "-b", "seq", "--input", a.toString(), dangling.toString())
                .noStackTrace();
        assertEquals(1, r.code(), r.err());
        assertEquals(List.of("gpulab: " + a + ": Too many levels of symbolic links",
                "gpulab: " + dangling + ": No such file or directory"),
                r.err().lines().filter(l -> l.startsWith("gpulab:")).toList(), r.err());
    }
}
