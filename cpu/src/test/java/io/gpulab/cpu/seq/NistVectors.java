package io.gpulab.cpu.seq;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the NIST CAVP SHA-256 response files in {@code testdata/sha256/}: CRLF lines of {@code key = value},
 * {@code Len} in bits ({@code Len = 0} comes with {@code Msg = 00}, so only {@code Len / 8} bytes of {@code Msg}
 * count), and for the Monte Carlo file one {@code Seed} followed by {@code COUNT}/{@code MD} checkpoints.
 */
final class NistVectors {

    /**
     * One known answer.
     *
     * @param lenBits the message length in bits, as written in the file
     * @param msg the message, {@code lenBits / 8} bytes
     * @param md the expected digest
     */
    record Vector(int lenBits, byte[] msg, byte[] md) {
    }

    /**
     * The Monte Carlo test.
     *
     * @param seed the first seed
     * @param checkpoints the expected {@code MD1002} of each of the rounds, in order
     */
    record Monte(byte[] seed, List<byte[]> checkpoints) {
    }

    private static final HexFormat HEX = HexFormat.of();

    private NistVectors() {
    }

    /** Parses a ShortMsg or LongMsg file from the test resources. */
    static List<Vector> messages(String file) {
        List<Vector> out = new ArrayList<>();
        Integer len = null;
        byte[] msg = null;
        for (String[] kv : pairs(file)) {
            switch (kv[0]) {
                case "Len" -> len = Integer.parseInt(kv[1]);
                case "Msg" -> msg = HEX.parseHex(kv[1]);
                case "MD" -> {
                    if (len == null || msg == null || len % 8 != 0 || msg.length < len / 8) {
                        throw new IllegalStateException(file + ": MD without a byte-sized Len and Msg before it");
                    }
                    out.add(new Vector(len, Arrays.copyOf(msg, len / 8), HEX.parseHex(kv[1])));
                    len = null;
                    msg = null;
                }
                default -> throw new IllegalStateException(file + ": unexpected key " + kv[0]);
            }
        }
        return out;
    }

    /** Parses the Monte Carlo file from the test resources. */
    static Monte monte(String file) {
        byte[] seed = null;
        List<byte[]> checkpoints = new ArrayList<>();
        for (String[] kv : pairs(file)) {
            switch (kv[0]) {
                case "Seed" -> seed = HEX.parseHex(kv[1]);
                case "COUNT" -> {
                    if (Integer.parseInt(kv[1]) != checkpoints.size()) {
                        throw new IllegalStateException(file + ": COUNT " + kv[1] + " out of order");
                    }
                }
                case "MD" -> checkpoints.add(HEX.parseHex(kv[1]));
                default -> throw new IllegalStateException(file + ": unexpected key " + kv[0]);
            }
        }
        if (seed == null) {
            throw new IllegalStateException(file + ": no Seed");
        }
        return new Monte(seed, checkpoints);
    }

    /** Returns the {@code key = value} lines in order, skipping comments, blank lines and {@code [L = 32]}. */
    private static List<String[]> pairs(String file) {
        String path = "/testdata/sha256/" + file;
        List<String[]> out = new ArrayList<>();
        try (InputStream in = NistVectors.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("test resource missing: " + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String t = line.strip(); // readLine already ends lines at CRLF; strip is for padding around values
                if (t.isEmpty() || t.startsWith("#") || t.startsWith("[")) {
                    continue;
                }
                int eq = t.indexOf('=');
                if (eq < 0) {
                    throw new IllegalStateException(path + ": line without '=': " + t);
                }
                out.add(new String[] {t.substring(0, eq).strip(), t.substring(eq + 1).strip()});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
        return out;
    }
}
