package io.gpulab.cli.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs {@code gpulab lab} in-process: the listing, the usage errors with their exit codes, and the sheet files. */
class LabCommandTest {

    private record Result(int code, String out, String err) {
    }

    private static Result lab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "lab";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.execute(all, new PrintWriter(out), new PrintWriter(err));
        assertFalse(err.toString().contains("\tat "), "stack trace on stderr: " + err);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void listsTheExperiments() {
        Result r = lab();
        assertEquals(0, r.code(), r.err());
        for (Experiment e : Experiments.all()) {
            assertTrue(r.out().contains(e.id()), r.out());
        }
    }

    @Test
    void refusesBadInputWithItsExitCode() {
        Result unknown = lab("nope");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown experiment 'nope'"), unknown.err());
        Result backend = lab("gpu-pays", "--backends", "warp-drive");
        assertEquals(3, backend.code());
        assertTrue(backend.err().contains("unknown backend 'warp-drive'"), backend.err());
        assertEquals(2, lab("which-tool", "--format", "md").code());
        assertEquals(2, lab("which-tool", "--repeat", "0").code());
        assertEquals(2, lab("which-tool", "--size", "huge").code());
    }

    @Test
    void writesJsonAndMarkdownSheets() throws Exception {
        Result json = lab("which-tool", "--format", "json");
        assertEquals(0, json.code(), json.err());
        assertTrue(json.out().startsWith("{\"schema\":\"gpulab-lab/1\",\"machine\":{"), json.out());
        assertTrue(json.out().contains("\"id\":\"which-tool\""), json.out());
        Path md = Files.createTempDirectory("gpulab-lab").resolve("sheet.md");
        Result m = lab("gpu-pays", "--size", "tiny", "--repeat", "1", "--backends", "seq", "--format", "md",
                "--output", md.toString());
        assertEquals(0, m.code(), m.err());
        String text = Files.readString(md);
        assertTrue(text.contains("## gpu-pays") && text.contains("- expected: "), text);
        assertTrue(Files.size(md.resolveSibling("sheet-charts").resolve("gpu-pays-time.png")) > 1000);
    }
}
