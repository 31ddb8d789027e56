package io.gpulab.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Treats file names as what they are on Linux, bytes, whatever the locale: a name travels through the command as a
 * string that decodes its bytes as UTF-8 and keeps every byte that is not UTF-8 as one code unit U+DC80..U+DCFF
 * (Python's "surrogateescape"), so that {@link RawUtf8} writes back exactly the bytes the file system holds.
 *
 * <p>Why: the JVM decodes arguments and names with the locale's charset ({@code sun.jnu.encoding}, ASCII under
 * {@code LC_ALL=C}, and fixed at start), so under a C locale {@code Path.of("uni-ÄÖ")} throws and a listed name
 * prints as {@code ????}; a name that is not UTF-8 is lost even under a UTF-8 locale. A listed {@link Path} still
 * holds its raw bytes, which {@link Path#toUri()} reveals; a name that the locale cannot encode is found by listing
 * its folder.
 */
final class FileNames {

    /** The charset the JVM uses for file names, as {@code UnixPath} does. */
    private static final Charset JNU = jnu();

    private FileNames() {
    }

    private static Charset jnu() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** Returns the name string of these bytes: UTF-8, with each byte that is not UTF-8 escaped as U+DC80 + byte. */
    static String fromBytes(byte[] raw) {
        StringBuilder sb = new StringBuilder(raw.length);
        int i = 0;
        while (i < raw.length) {
            int b = raw[i] & 0xFF;
            int n = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4
                    ? 4 : 0;
            String s = n > 0 && i + n <= raw.length ? strict(raw, i, n) : null;
            if (s == null) {
                sb.append((char) (0xDC00 + b));
                i++;
            } else {
                sb.append(s);
                i += n;
            }
        }
        return sb.toString();
    }

    /** Returns the one code point of {@code raw[off..off+n)} as strict UTF-8 would decode it, or null. */
    private static String strict(byte[] raw, int off, int n) {
        if (n == 1) {
            return String.valueOf((char) raw[off]);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw, off, n)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Returns the bytes of a name string: the inverse of {@link #fromBytes}. */
    static byte[] toBytes(String name) {
        return RawUtf8.bytes(name);
    }

    /** Returns the raw bytes of a path's last name, as the file system holds them. */
    static byte[] rawFileName(Path p) {
        String s = p.getFileName().toString();
        if (s.indexOf('\uFFFD') < 0) {
            // decoded without loss, so the locale's charset gives the bytes back
            return s.getBytes(JNU);
        }
        String uri = p.toAbsolutePath().toUri().getRawPath();
        if (uri.endsWith("/")) {
            uri = uri.substring(0, uri.length() - 1);
        }
        return percentDecode(uri.substring(uri.lastIndexOf('/') + 1));
    }

    /** Returns the name string of a path's last name: {@link #fromBytes} of its raw bytes. */
    static String fileName(Path p) {
        return fromBytes(rawFileName(p));
    }

    private static byte[] percentDecode(String s) {
        byte[] out = new byte[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                out[n++] = (byte) Integer.parseInt(s.substring(i + 1, i + 3), 16);
                i += 2;
            } else {
                out[n++] = (byte) c;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Returns the path of a name string. A name the locale can encode is an ordinary path; another one is found by
     * listing its folders and matching each name's raw bytes.
     *
     * @throws NoSuchFileException when a part of the name the locale cannot encode is not in its folder
     * @throws IOException when a folder on the way cannot be listed
     */
    static Path toPath(String name) throws IOException {
        byte[] raw = toBytes(name);
        String plain = decode(raw);
        if (plain != null) {
            return Path.of(plain);
        }
        Path p = null;
        int start = 0;
        if (raw.length > 0 && raw[0] == '/') {
            p = Path.of("/");
            start = 1;
        }
        for (int i = start; i <= raw.length; i++) {
            if (i < raw.length && raw[i] != '/') {
                continue;
            }
            if (i > start) {
                byte[] part = Arrays.copyOfRange(raw, start, i);
                String s = decode(part);
                p = s != null ? (p == null ? Path.of(s) : p.resolve(s)) : find(p, part, name);
            }
            start = i + 1;
        }
        return p == null ? Path.of("") : p;
    }

    private static Path find(Path dir, byte[] part, String name) throws IOException {
        Path listed = dir == null ? Path.of(".") : dir;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(listed)) {
            for (Path c : ds) {
                if (Arrays.equals(rawFileName(c), part)) {
                    return dir == null ? c.getFileName() : c;
                }
            }
        }
        throw new NoSuchFileException(name);
    }

    /** Returns the bytes decoded by the locale's charset when that gives the very same bytes back, else null. */
    private static String decode(byte[] raw) {
        try {
            String s = JNU.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
            return Arrays.equals(s.getBytes(JNU), raw) ? s : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Returns the name with '_' for each character that the JVM cannot put in a file name under this locale. */
    static String encodable(String name) {
        java.nio.charset.CharsetEncoder enc = JNU.newEncoder();
        StringBuilder sb = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            sb.append(cp >= 0xDC80 && cp <= 0xDCFF || !enc.canEncode(c) ? "_" : c);
        });
        return sb.toString();
    }
}
