package io.gpulab.cli;

import io.gpulab.api.Backend;
import io.gpulab.api.Kernel;
import io.gpulab.images.Image;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurOutput;
import io.gpulab.tasks.BlurSpec;
import io.gpulab.tasks.Tasks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Blurs image files where they are read: each worker decodes an image, blurs it on its local backend, encodes it and
 * writes its output file, one image at a time per worker JVM so that the memory budget holds per worker; a file that
 * cannot be decoded or written fails alone, with the reason {@code blur} would give here.
 */
final class BlurPathJob extends FilePathJob {

    private static final long serialVersionUID = 1L;

    /** Serializes the images of one worker JVM, so that it holds one image within the budget at a time. */
    private static final Object ONE_AT_A_TIME = new Object();

    private final String[] targets;
    /** The blur as plain values: {@link BlurSpec} is no {@code Serializable}. */
    private final boolean gaussian;
    private final double sigma;
    private final int boxRadius;
    private final long maxPixels;

    /** Creates the job writing file {@code i} blurred to {@code targets[i]}, refusing images over maxPixels. */
    BlurPathJob(List<Path> files, List<Path> targets, BlurSpec spec, long maxPixels) {
        super(files);
        this.targets = targets.stream().map(Path::toString).toArray(String[]::new);
        this.gaussian = spec.kind() == BlurSpec.Kind.GAUSSIAN;
        this.sigma = spec.sigma();
        this.boxRadius = spec.boxRadius();
        this.maxPixels = maxPixels;
    }

    @Override
    public String task() {
        return "blur";
    }

    /** Returns where file {@code i} is written. */
    Path target(int i) {
        return Path.of(targets[i]);
    }

    private BlurSpec spec() {
        return gaussian ? BlurSpec.gaussian(sigma) : BlurSpec.box(boxRadius);
    }

    @Override
    public List<Outcome> run(Backend inner, int from, int to) {
        List<Outcome> out = new ArrayList<>(to - from);
        ImageFiles codec = new CodecFiles();
        for (int i = from; i < to; i++) {
            synchronized (ONE_AT_A_TIME) {
                out.add(one(inner, codec, i));
            }
        }
        return out;
    }

    private Outcome one(Backend inner, ImageFiles codec, int i) {
        List<String> notes = new ArrayList<>();
        Image img;
        try {
            img = codec.read(file(i), maxPixels, notes);
        } catch (IOException e) {
            return new Outcome(null, 0, notes, InputFiles.describe(e), false);
        }
        BlurInput in = new BlurInput(List.of(img), spec());
        Image blurred;
        try (Kernel<BlurInput, BlurOutput> k = inner.prepare(Tasks.BLUR, in)) {
            blurred = k.run(in).images().get(0);
        }
        try {
            codec.writePng(blurred, target(i));
        } catch (IOException e) {
            return new Outcome(null, 0, notes, "write error: " + InputFiles.describe(e), true);
        }
        return new Outcome(null, Tasks.BLUR.workUnits(in), notes, null, false);
    }

    @Override
    void verify(Verifier verifier, List<Outcome> outcomes) {
        ImageFiles codec = new CodecFiles();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).error() != null) {
                continue;
            }
            try {
                Image in = codec.read(file(i), maxPixels);
                Image written = codec.read(target(i), maxPixels);
                verifier.check(Tasks.BLUR, new BlurInput(List.of(in), spec()), new BlurOutput(List.of(written)));
            } catch (IOException e) {
                throw new CliException(ExitCode.OTHER, "--verify: " + path(i) + " or " + targets[i] + ": "
                        + InputFiles.describe(e), e);
            }
        }
    }
}
