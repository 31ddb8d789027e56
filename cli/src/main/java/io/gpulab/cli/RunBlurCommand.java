package io.gpulab.cli;

import io.gpulab.cli.auto.Workload;
import io.gpulab.images.Image;
import io.gpulab.images.ImageCodec;
import io.gpulab.images.ImageDecodeException;
import io.gpulab.images.SyntheticImages;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurSpec;
import io.gpulab.tasks.Tasks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs {@code gpulab run blur}: blurs image files into a folder, or a synthetic image. */
@Command(name = "blur", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Blurs images: Gaussian (radius ceil(3 sigma), separable, rows then columns) or box (mean over "
                + "a (2R+1)x(2R+1) window); borders replicate the edge pixel; every channel, alpha too, on its own."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.L0, ExitCode.L1, ExitCode.L2, ExitCode.L3, ExitCode.L4, ExitCode.L5, ExitCode.L6})
final class RunBlurCommand extends RunBase {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Kind kind;

    /** Either files or a synthetic image. */
    static final class Source {
        @ArgGroup(exclusive = false)
        FileSource files;

        @ArgGroup(exclusive = false)
        Synthetic synthetic;
    }

    /** Image files and the folder for the results. */
    static final class FileSource {
        @Option(names = "--input", paramLabel = "PATH", arity = "1..*", required = true,
                description = "Image files or folders (walked recursively, sorted by name): PNG, JPEG, GIF, BMP.")
        List<String> inputs;

        @Option(names = "--output", paramLabel = "DIR", required = true,
                description = "Folder for DIR/<name>.png (created if missing); a repeated name gets -2, -3, ... "
                        + "A walked input folder never yields this folder's files, and an output that would "
                        + "replace one of the inputs is a usage error, before anything is written.")
        Path output;
    }

    /** The synthetic image's shape and seed. */
    static final class Synthetic {
        @Option(names = "--width", paramLabel = "W", required = true, converter = Numbers.IntConverter.class,
                description = "Width of the synthetic image.")
        int width;

        @Option(names = "--height", paramLabel = "H", required = true, converter = Numbers.IntConverter.class,
                description = "Height of the synthetic image.")
        int height;

        @Option(names = "--channels", paramLabel = "C", defaultValue = "4", converter = Numbers.IntConverter.class,
                description = "Channels, 1 to 4 (default: ${DEFAULT-VALUE}).")
        int channels = 4;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "0", converter = Numbers.LongConverter.class,
                description = "Seed of the synthetic image (default: ${DEFAULT-VALUE}).")
        long seed;
    }

    /** Gaussian or box. */
    static final class Kind {
        @Option(names = "--sigma", paramLabel = "S", description = "Gaussian blur of this standard deviation.")
        Double sigma;

        @Option(names = "--box", paramLabel = "R", converter = Numbers.IntConverter.class,
                description = "Box blur of this radius.")
        Integer box;
    }

    @Option(names = "--batch-bytes", paramLabel = "N", converter = Numbers.LongConverter.class,
            description = "Most image bytes held in memory at once (default: a quarter of the maximum heap); "
                    + "a larger image is refused with a message.")
    Long batchBytes;

    private BlurSpec blurSpec;

    @Override
    void validate() {
        try {
            blurSpec = kind.sigma != null ? BlurSpec.gaussian(kind.sigma) : BlurSpec.box(kind.box);
        } catch (IllegalArgumentException e) {
            throw CliException.usage((kind.sigma != null ? "--sigma: " : "--box: ") + e.getMessage());
        }
        validateBatchBytes(batchBytes);
        Synthetic s = source.synthetic;
        if (s != null) {
            if (s.width < 1 || s.height < 1 || (long) s.width * s.height * s.channels > Integer.MAX_VALUE - 8) {
                throw CliException.usage("--width and --height must be at least 1, and W*H*C below 2^31");
            }
            if (s.channels < 1 || s.channels > 4) {
                throw CliException.usage("--channels must be 1 to 4: " + s.channels);
            }
        }
        if (source.files != null && java.nio.file.Files.exists(source.files.output)
                && !java.nio.file.Files.isDirectory(source.files.output)) {
            // refused before the backend opens, and clearer than the "already exists" of createDirectories
            throw CliException.usage("--output " + source.files.output + " is a file, not a folder");
        }
    }

    @Override
    Workload workload() {
        Synthetic s = source.synthetic;
        if (s != null) {
            return Workload.blur(s.width + "x" + s.height + "x" + s.channels, (long) s.width * s.height * s.channels,
                    blurSpec, 1);
        }
        // headers only: decoded images are RGBA at most, four samples a pixel
        ImageCodec codec = new ImageCodec();
        long[] imagesAndSamples = new long[2];
        InputFiles.walk(source.files.inputs, e -> {
            if (e.error() == null) {
                try {
                    imagesAndSamples[1] += 4 * codec.header(e.path()).pixelCount();
                    imagesAndSamples[0]++;
                } catch (ImageDecodeException | RuntimeException ex) {
                    // a bad image is reported when it is read; it costs the backend nothing
                }
            }
        });
        long budget = budget(batchBytes);
        int n = (int) Math.max(1, Math.min(Integer.MAX_VALUE, -Math.floorDiv(-3 * imagesAndSamples[1], budget)));
        return Workload.blur(imagesAndSamples[0] + " images", imagesAndSamples[1], blurSpec, n);
    }

    @Override
    int run(Batches batches) {
        return source.files != null ? runFiles(batches) : runSynthetic(batches);
    }

    private int runSynthetic(Batches batches) {
        Synthetic s = source.synthetic;
        // into the memory the backend reads without a copy (direct, page-locked on CUDA), outside the timing
        Image img = batches.backend().hostImage(SyntheticImages.generate(s.width, s.height, s.channels, s.seed));
        BlurInput in = new BlurInput(List.of(img), blurSpec);
        batches.run(Tasks.BLUR, in);
        batches.progress().close(); // the run is over: the line gives way to the result
        lines().println("blurred a synthetic " + s.width + "x" + s.height + "x" + s.channels + " image, seed "
                + s.seed + ", " + blurSpec);
        return finish(batches, Tasks.BLUR, Tasks.BLUR.workUnits(in), Map.of("images", 1, "failed", 0), false);
    }

    private int runFiles(Batches batches) {
        Path dir = source.files.output;
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CliException(ExitCode.OTHER, dir + ": cannot create the output folder: "
                    + InputFiles.describe(e), e);
        }
        batches.progress().totalUnknown(); // the files are listed as they are read
        BlurFiles files = new BlurFiles(batches, new CodecFiles(), blurSpec, dir, lines(), err(),
                budget(batchBytes));
        files.run(source.files.inputs);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("images", files.done());
        result.put("failed", files.failed());
        return finish(batches, Tasks.BLUR, files.pixels(), result, files.failed() > 0);
    }
}
