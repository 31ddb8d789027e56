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
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Runs one share of an experiment in a child JVM and prints its answer as one line on stdout: the course's
 * "one process per job", started by {@link ChildJvm}. Not a user command.
 */
public final class LabWorker {

    private LabWorker() {
    }

    /**
     * Runs {@code sha256 ITERATIONS TEXT}, {@code primes FROM TO} or {@code blur SIGMA OUTDIR FILE...} and prints
     * the answer followed by the seconds of the work itself (without the JVM start).
     */
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        String answer = switch (args[0]) {
            case "sha256" -> CourseCode.heavyHash(args[2], Integer.parseInt(args[1]));
            case "primes" -> Long.toString(CourseCode.countPrimes(Long.parseLong(args[1]), Long.parseLong(args[2])));
            case "blur" -> blur(Double.parseDouble(args[1]), Path.of(args[2]), List.of(args).subList(3, args.length));
            default -> throw new IllegalArgumentException("unknown worker job " + args[0]);
        };
        System.out.println(answer + " " + seconds(System.nanoTime() - t0));
    }

    /** Decodes, blurs on seq and encodes each file into the folder; answers the three phases' seconds. */
    private static String blur(double sigma, Path out, List<String> files) throws Exception {
        long decode = 0;
        long blur = 0;
        long encode = 0;
        ImageCodec codec = new ImageCodec();
        BlurSpec spec = BlurSpec.gaussian(sigma);
        try (Backend seq = Backends.open("seq", BackendOptions.defaults())) {
            Kernel<BlurInput, BlurOutput> kernel = null;
            for (String f : files) {
                long a = System.nanoTime();
                Image img = codec.read(Path.of(f));
                long b = System.nanoTime();
                BlurInput in = new BlurInput(List.of(img), spec);
                if (kernel == null) {
                    kernel = seq.prepare(Tasks.BLUR, in);
                }
                Image blurred = kernel.run(in).images().get(0);
                long c = System.nanoTime();
                ImageCodec.writePng(blurred, out.resolve(Path.of(f).getFileName()));
                long d = System.nanoTime();
                decode += b - a;
                blur += c - b;
                encode += d - c;
            }
        }
        return seconds(decode) + " " + seconds(blur) + " " + seconds(encode);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.6f", nanos / 1e9);
    }
}
