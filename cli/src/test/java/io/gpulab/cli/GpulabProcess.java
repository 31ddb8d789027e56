package io.gpulab.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code gpulab} in a JVM of its own, for what an in-process run cannot show: the real stdout file descriptor
 * ({@code /dev/full}), the locale the JVM starts with, a small heap.
 */
final class GpulabProcess {

    private GpulabProcess() {
    }

    /** Returns the command that starts gpulab's main class with the test class path, JVM options first. */
    static List<String> command(List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Runs gpulab with stdout going to {@code stdout} (a file or device) and returns its exit code and stderr.
     *
     * @param env variables to set, on top of this JVM's environment
     */
    static Cli.Result run(File stdout, Map<String, String> env, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command(jvmOptions, List.of(args)));
        pb.environment().putAll(env);
        File err = File.createTempFile("gpulab-stderr", ".txt");
        try {
            Process p = pb.redirectOutput(stdout).redirectError(err).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("gpulab did not end within 120 s: " + String.join(" ", args));
            }
            return new Cli.Result(p.exitValue(), "", Files.readString(err.toPath(), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err.toPath());
        }
    }
}
