package io.gpulab.cli.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a child JVM with this JVM's {@code java} and class path running {@link LabWorker}, the way the course's
 * {@code multiprocessing} starts a Python per process, and reads its one-line answer.
 */
final class ChildJvm {

    private static final long TIMEOUT_SECONDS = 600;

    private final Process process;
    private final String what;

    private ChildJvm(Process process, String what) {
        this.process = process;
        this.what = what;
    }

    /** Starts a child JVM running the worker with these arguments. */
    static ChildJvm start(List<String> args) throws IOException {
        String java = ProcessHandle.current().info().command()
                .filter(c -> Files.isExecutable(Path.of(c)))
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:-UsePerfData"));
        // No Vector API module: the incubator's vectors run boxed until C2 compiles them, which a short-lived child
        // never waits for (seconds per photo); the plain path agrees with seq within the blur's 1-level tolerance.
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), LabWorker.class.getName()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE).start();
        return new ChildJvm(p, String.join(" ", args.subList(0, Math.min(2, args.size()))));
    }

    /** Waits for the child and returns its last stdout line, or throws with its stderr when it failed. */
    String answer() throws IOException, InterruptedException {
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("child JVM (" + what + ") did not finish in " + TIMEOUT_SECONDS + " s");
        }
        String[] lines = out.strip().split("\n");
        if (process.exitValue() != 0 || lines[lines.length - 1].isBlank()) {
            String tail = err.lines().filter(l -> !l.startsWith("WARNING: Using incubator modules"))
                    .reduce((a, b) -> b).orElse("no message");
            throw new IOException("child JVM (" + what + ") failed with exit code " + process.exitValue() + ": "
                    + tail);
        }
        return lines[lines.length - 1].strip();
    }
}
