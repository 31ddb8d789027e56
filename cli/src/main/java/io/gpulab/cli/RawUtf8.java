package io.gpulab.cli;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 whose encoder writes an escaped byte of a file name (U+DC80..U+DCFF, see {@link FileNames}) as that byte,
 * so that a name prints exactly as the file system holds it, as {@code sha256sum} prints it, whatever the locale.
 * Decoding is plain UTF-8; text that holds no such escape encodes as plain UTF-8.
 */
final class RawUtf8 extends Charset {

    /** The one instance. */
    static final RawUtf8 INSTANCE = new RawUtf8();

    private RawUtf8() {
        super("x-gpulab-raw-utf-8", new String[0]);
    }

    /** Returns the bytes of the text in this charset. */
    static byte[] bytes(String text) {
        ByteBuffer b = INSTANCE.encode(text);
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    @Override
    public boolean contains(Charset cs) {
        return cs instanceof RawUtf8 || StandardCharsets.UTF_8.contains(cs);
    }

    @Override
    public CharsetDecoder newDecoder() {
        return StandardCharsets.UTF_8.newDecoder();
    }

    @Override
    public CharsetEncoder newEncoder() {
        return new Encoder(this);
    }

    /** Encodes UTF-8, escaped bytes as themselves; a lone surrogate of another kind becomes '?'. */
    private static final class Encoder extends CharsetEncoder {
        Encoder(Charset cs) {
            super(cs, 1.1f, 4f, new byte[] {'?'});
        }

        @Override
        public boolean canEncode(char c) {
            return !Character.isHighSurrogate(c);
        }

        @Override
        protected CoderResult encodeLoop(CharBuffer in, ByteBuffer out) {
            while (in.hasRemaining()) {
                int pos = in.position();
                char c = in.get();
                int cp = c;
                if (Character.isHighSurrogate(c)) {
                    if (!in.hasRemaining()) {
                        in.position(pos);
                        return CoderResult.UNDERFLOW; // the low half comes with the next call
                    }
                    char d = in.get(in.position());
                    if (Character.isLowSurrogate(d)) {
                        in.get();
                        cp = Character.toCodePoint(c, d);
                    } else {
                        cp = '?';
                    }
                } else if (c >= 0xDC80 && c <= 0xDCFF) {
                    if (!out.hasRemaining()) {
                        in.position(pos);
                        return CoderResult.OVERFLOW;
                    }
                    out.put((byte) (c - 0xDC00));
                    continue;
                } else if (Character.isLowSurrogate(c)) {
                    cp = '?';
                }
                int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (out.remaining() < n) {
                    in.position(pos);
                    return CoderResult.OVERFLOW;
                }
                if (n == 1) {
                    out.put((byte) cp);
                } else if (n == 2) {
                    out.put((byte) (0xC0 | cp >> 6)).put((byte) (0x80 | cp & 0x3F));
                } else if (n == 3) {
                    out.put((byte) (0xE0 | cp >> 12)).put((byte) (0x80 | cp >> 6 & 0x3F))
                            .put((byte) (0x80 | cp & 0x3F));
                } else {
                    out.put((byte) (0xF0 | cp >> 18)).put((byte) (0x80 | cp >> 12 & 0x3F))
                            .put((byte) (0x80 | cp >> 6 & 0x3F)).put((byte) (0x80 | cp & 0x3F));
                }
            }
            return CoderResult.UNDERFLOW;
        }
    }
}
