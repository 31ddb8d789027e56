package io.gpulab.cli.lab;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.Backends;
import io.gpulab.api.Kernel;
import io.gpulab.images.Image;
import io.gpulab.images.ImageCodec;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurOutput;
import io.gpulab.tasks.BlurSpec;
import io.gpulab.tasks.Tasks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds the blur-photos batch in a temporary folder from the four Kodak photos kept as resources (photo i is a
 * copy of photo {@code i mod 4}), holds the {@code seq} blur of each of the four as the reference every blurred
 * image is checked against, and deletes the folder on close.
 */
final class PhotoBatch implements AutoCloseable {

    /** The photos kept as resources, in the order the batch cycles through them. */
    static final List<String> SOURCES = List.of("kodim03.png", "kodim04.png", "kodim20.png", "kodim23.png");

    private final Path dir;
    private final List<Path> files = new ArrayList<>();
    private final List<Image> references = new ArrayList<>();
    private final BlurSpec spec;

    /**
     * Writes {@code count} photo files and blurs the four originals on {@code seq} (untimed).
     *
     * @param crop 0 for the whole photos, else the side of the central square each photo is cut to (tiny runs)
     */
    PhotoBatch(int count, BlurSpec spec, int crop) throws Exception {
        this.spec = spec;
        this.dir = Files.createTempDirectory("gpulab-lab-photos");
        List<byte[]> originals = new ArrayList<>();
        for (String s : SOURCES) {
            try (InputStream in = PhotoBatch.class.getResourceAsStream("photos/" + s)) {
                if (in == null) {
                    throw new IOException("resource photos/" + s + " is missing from the class path");
                }
                byte[] bytes = in.readAllBytes();
                originals.add(crop == 0 ? bytes : ImageCodec.encodePng(centre(new ImageCodec().decode(bytes, s),
                        crop)));
            }
        }
        Path input = Files.createDirectories(dir.resolve("in"));
        for (int i = 0; i < count; i++) {
            Path f = input.resolve(String.format("photo-%05d.png", i + 1));
            Files.write(f, originals.get(i % originals.size()));
            files.add(f);
        }
        ImageCodec codec = new ImageCodec();
        try (Backend seq = Backends.open("seq", BackendOptions.defaults())) {
            for (int i = 0; i < originals.size(); i++) {
                BlurInput in = new BlurInput(List.of(codec.decode(originals.get(i), SOURCES.get(i))), spec);
                try (Kernel<BlurInput, BlurOutput> k = seq.prepare(Tasks.BLUR, in)) {
                    references.add(k.run(in).images().get(0));
                }
            }
        }
    }

    private static Image centre(Image img, int side) {
        int w = Math.min(side, img.width());
        int h = Math.min(side, img.height());
        int x0 = (img.width() - w) / 2;
        int y0 = (img.height() - h) / 2;
        int c = img.channels();
        byte[] px = new byte[w * h * c];
        for (int y = 0; y < h; y++) {
            System.arraycopy(img.pixels(), ((y0 + y) * img.width() + x0) * c, px, y * w * c, w * c);
        }
        return new Image(w, h, c, px);
    }

    /** Returns the photo files, in order. */
    List<Path> files() {
        return files;
    }

    /** Returns the blur. */
    BlurSpec spec() {
        return spec;
    }

    /** Returns an empty output folder for one way's run, emptied first if it exists. */
    Path output(String way) throws IOException {
        Path out = dir.resolve("out-" + way);
        delete(out);
        return Files.createDirectories(out);
    }

    /** Returns true when the blurred image of photo {@code i} agrees with seq within the blur's tolerance. */
    boolean agrees(int i, Image blurred) {
        return Tasks.BLUR.compare(new BlurOutput(List.of(references.get(i % references.size()))),
                new BlurOutput(List.of(blurred))).ok();
    }

    /** Decodes every output file in the folder (untimed) and counts those that agree with seq. */
    int agreeingFiles(Path out) throws IOException {
        ImageCodec codec = new ImageCodec();
        int good = 0;
        for (int i = 0; i < files.size(); i++) {
            Path f = out.resolve(files.get(i).getFileName());
            if (Files.exists(f) && agrees(i, codec.read(f))) {
                good++;
            }
        }
        return good;
    }

    @Override
    public void close() throws IOException {
        delete(dir);
    }

    private static void delete(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
