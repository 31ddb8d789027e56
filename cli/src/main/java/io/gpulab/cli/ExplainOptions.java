package io.gpulab.cli;

import io.gpulab.api.Size;
import io.gpulab.cli.auto.Plan;
import io.gpulab.cli.auto.Workload;
import io.gpulab.tasks.BlurSpec;
import io.gpulab.tasks.Tasks;
import picocli.CommandLine.Option;

/**
 * Holds {@code gpulab backends --explain TASK} and its size options: a standard {@code --size}, or the task's own
 * options as {@code gpulab run} takes them, with the runs to count.
 */
final class ExplainOptions {

    @Option(names = "--explain", paramLabel = "TASK",
            description = "Print what --backend auto predicts for TASK (blur, sha256, sieve) with the size options "
                    + "below, without running it.")
    String task;

    @Option(names = "--size", paramLabel = "SIZE",
            description = "With --explain: a standard size of compare, tiny, small, medium or large (default: small, "
                    + "unless the task's own options are given).")
    Size size;

    @Option(names = "--from", paramLabel = "A", converter = Numbers.LongConverter.class,
            description = "With --explain sieve: first number (default: 0).")
    Long from;

    @Option(names = "--to", paramLabel = "B", converter = Numbers.LongConverter.class,
            description = "With --explain sieve: last number.")
    Long to;

    @Option(names = "--count", paramLabel = "N", converter = Numbers.IntConverter.class,
            description = "With --explain sha256: messages.")
    Integer count;

    @Option(names = "--length", paramLabel = "L", defaultValue = "64", converter = Numbers.IntConverter.class,
            description = "With --explain sha256: bytes per message (default: ${DEFAULT-VALUE}).")
    int length;

    @Option(names = "--iterations", paramLabel = "K", defaultValue = "1", converter = Numbers.IntConverter.class,
            description = "With --explain sha256: hashes per message (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--width", paramLabel = "W", converter = Numbers.IntConverter.class,
            description = "With --explain blur: image width.")
    Integer width;

    @Option(names = "--height", paramLabel = "H", converter = Numbers.IntConverter.class,
            description = "With --explain blur: image height.")
    Integer height;

    @Option(names = "--channels", paramLabel = "C", defaultValue = "4", converter = Numbers.IntConverter.class,
            description = "With --explain blur: channels (default: ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = "--sigma", paramLabel = "S", description = "With --explain blur: Gaussian sigma (default: 3).")
    Double sigma;

    @Option(names = "--box", paramLabel = "R", converter = Numbers.IntConverter.class,
            description = "With --explain blur: box radius instead of a Gaussian.")
    Integer box;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1", converter = Numbers.IntConverter.class,
            description = "With --explain: timed runs the prediction counts (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "0", converter = Numbers.IntConverter.class,
            description = "With --explain: untimed runs the prediction counts (default: ${DEFAULT-VALUE}).")
    int warmup;

    /** Returns the runs the prediction counts, after checking them. */
    Plan plan() {
        if (repeat < 1 || warmup < 0) {
            throw CliException.usage("--repeat must be at least 1 and --warmup 0 or more");
        }
        return Plan.command(warmup, repeat);
    }

    /** Returns the workload these options describe, or throws a usage error naming what is missing or wrong. */
    Workload workload() {
        if (Tasks.find(task).isEmpty()) {
            throw CliException.usage("unknown task '" + task + "' for --explain; known: blur, sha256, sieve");
        }
        boolean own = from != null || to != null || count != null || width != null || height != null;
        if (size != null && own) {
            throw CliException.usage("--size and the task's own size options exclude each other");
        }
        if (!own) {
            return Workload.of(task, Tasks.find(task).get().input(size == null ? Size.SMALL : size, 42));
        }
        return switch (task) {
            case "sieve" -> sieve();
            case "sha256" -> sha256();
            default -> blur();
        };
    }

    private Workload sieve() {
        long a = from == null ? 0 : from;
        if (to == null || a < 0 || to < 0) {
            throw CliException.usage("--explain sieve needs --to B (and --from A), both 0 or more");
        }
        return Workload.sieve(a, to);
    }

    private Workload sha256() {
        if (count == null || count < 0 || length < 0 || iterations < 1) {
            throw CliException.usage("--explain sha256 needs --count N >= 0, --length L >= 0, --iterations K >= 1");
        }
        return Workload.sha256(count, length, iterations);
    }

    private Workload blur() {
        if (width == null || height == null || width < 1 || height < 1 || channels < 1 || channels > 4) {
            throw CliException.usage("--explain blur needs --width W and --height H, at least 1, and --channels 1..4");
        }
        BlurSpec spec;
        try {
            spec = box != null ? BlurSpec.box(box) : BlurSpec.gaussian(sigma == null ? 3 : sigma);
        } catch (IllegalArgumentException e) {
            throw CliException.usage((box != null ? "--box: " : "--sigma: ") + e.getMessage());
        }
        return Workload.blur(width + "x" + height + "x" + channels, (long) width * height * channels, spec, 1);
    }
}
