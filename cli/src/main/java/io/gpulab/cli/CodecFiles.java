package io.gpulab.cli;

import io.gpulab.images.Image;
import io.gpulab.images.ImageCodec;
import io.gpulab.images.ImageDecodeException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes images through the images module's {@link ImageCodec}: Commons Imaging first, ImageIO only for
 * what Commons Imaging cannot decode, with the declared size checked against the budget before any allocation.
 */
final class CodecFiles implements ImageFiles {

    @Override
    public Image read(Path file, long maxPixels) throws IOException {
        return read(file, maxPixels, new ArrayList<>());
    }

    @Override
    public Image read(Path file, long maxPixels, List<String> notes) throws IOException {
        ImageCodec codec = new ImageCodec(Math.max(1, Math.min(maxPixels, ImageCodec.LIMIT_MAX_PIXELS)));
        try {
            return codec.read(file, notes);
        } catch (ImageDecodeException e) {
            // the caller prefixes the file name itself; keep the reason alone
            String prefix = e.source() + ": ";
            String m = e.getMessage();
            throw new IOException(m.startsWith(prefix) ? m.substring(prefix.length()) : m, e);
        }
    }

    @Override
    public void writePng(Image image, Path file) throws IOException {
        ImageCodec.writePng(image, file);
    }
}
