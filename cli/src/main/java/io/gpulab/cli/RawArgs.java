package io.gpulab.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Recovers the bytes of the command's arguments, which the JVM decoded with the locale's charset before
 * {@code main} (so that under {@code LC_ALL=C} every byte above 127 became U+FFFD), from {@code /proc/self/cmdline},
 * and returns them as {@link FileNames} strings.
 */
final class RawArgs {

    private static final Path CMDLINE = Path.of("/proc/self/cmdline");

    private RawArgs() {
    }

    /**
     * Returns the arguments as name strings of their raw bytes, or the arguments unchanged where the process's
     * command line is not readable or does not end with arguments that decode to these (a JVM started otherwise).
     */
    static String[] recover(String[] args) {
        if (args.length == 0 || !Files.isReadable(CMDLINE)) {
            return args;
        }
        try {
            return recover(args, Files.readAllBytes(CMDLINE), Charset.forName(System.getProperty("sun.jnu.encoding",
                    "UTF-8")));
        } catch (IOException | RuntimeException e) {
            return args;
        }
    }

    /** Returns the arguments recovered from a NUL-separated command line decoded by the launcher with {@code cs}. */
    static String[] recover(String[] args, byte[] cmdline, Charset cs) {
        List<byte[]> all = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                all.add(java.util.Arrays.copyOfRange(cmdline, start, i));
                start = i + 1;
            }
        }
        if (all.size() < args.length) {
            return args;
        }
        String[] out = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            byte[] raw = all.get(all.size() - args.length + i);
            if (!new String(raw, cs).equals(args[i])) {
                return args;
            }
            out[i] = FileNames.fromBytes(raw);
        }
        return out;
    }
}
