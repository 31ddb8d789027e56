package io.gpulab.cli;

import io.gpulab.images.Image;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes image files for {@code gpulab run blur}: the one seam through which the command decodes, so the
 * decoder can be swapped for the images module's codec without touching the command.
 */
interface ImageFiles {

    /**
     * Decodes the file, refusing before allocating any image whose declared size exceeds {@code maxPixels}.
     *
     * @throws IOException with a one-line reason when the file cannot be read, is no image, is malformed or too large
     */
    Image read(Path file, long maxPixels) throws IOException;

    /**
     * Decodes the file as {@link #read(Path, long)} does, adding to {@code notes} what the decoding lost, such as a
     * 16-bit precision reduced to 8 bits; by default it notes nothing.
     *
     * @throws IOException with a one-line reason when the file cannot be read, is no image, is malformed or too large
     */
    default Image read(Path file, long maxPixels, List<String> notes) throws IOException {
        return read(file, maxPixels);
    }

    /**
     * Encodes the image as PNG, keeping its channels (gray, gray and alpha, RGB or RGBA).
     *
     * @throws IOException when the file cannot be written
     */
    void writePng(Image image, Path file) throws IOException;
}
