package io.gpulab.conformance;

import io.gpulab.api.Task;
import io.gpulab.images.Image;
import io.gpulab.images.SyntheticImages;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurOutput;
import io.gpulab.tasks.BlurSpec;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveOutput;
import io.gpulab.tasks.Tasks;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Builds the edge cases and the seeded random cases of every task (STYLE.md section 4). */
public final class ConformanceCases {

    /** The seed of the random cases; override with -Dgpulab.seed=N to explore. */
    public static final long SEED = Long.getLong("gpulab.seed", 20261122L);

    private ConformanceCases() {
    }

    /**
     * Returns the cases of a task of {@link Tasks#all}.
     *
     * @throws IllegalArgumentException for a task that has no cases here yet: a new task adds its cases first
     */
    @SuppressWarnings("unchecked") // each list below holds cases of exactly the task whose id selects it
    public static <I, O> List<ConformanceCase<I, O>> of(Task<I, O> task) {
        List<?> cases = switch (task.id()) {
            case "blur" -> blur();
            case "sha256" -> sha256();
            case "sieve" -> sieve();
            default -> throw new IllegalArgumentException("no conformance cases for task " + task.id());
        };
        return (List<ConformanceCase<I, O>>) cases;
    }

    /** Returns the sieve ranges: tiny ends, powers of two +- 1, 2^31 - 1, 2^32, high ranges and random ones. */
    public static List<ConformanceCase<SieveInput, SieveOutput>> sieve() {
        List<ConformanceCase<SieveInput, SieveOutput>> cases = new ArrayList<>();
        long[][] fixed = {
            {0, 0}, {0, 1}, {0, 2}, {2, 2}, {3, 3}, {4, 4}, {1, 3}, {0, 100}, {90, 97}, {97, 97}, {98, 100},
            {0, 1_000_000}, {999_983, 999_983}, {1_000_000, 999_999},
            {(1L << 31) - 1, (1L << 31) - 1}, {(1L << 31) - 1000, (1L << 31) + 1000},
            {(1L << 32) - 1000, (1L << 32) + 1000}, {1L << 32, (1L << 32) + 4_000_000},
            {1_000_000_000_000L, 1_000_000_000_000L + 2_000_000},
            {1_000_000_000_000_000L, 1_000_000_000_000_000L + 1_000_000},
        };
        for (long[] r : fixed) {
            cases.add(new ConformanceCase<>(Tasks.SIEVE, "[" + r[0] + ", " + r[1] + "]", -1,
                    SieveInput.count(r[0], r[1])));
        }
        for (int k = 10; k <= 40; k += 3) {
            long p = 1L << k;
            cases.add(new ConformanceCase<>(Tasks.SIEVE, "[2^" + k + " - 1, 2^" + k + " + 1]", -1,
                    SieveInput.count(p - 1, p + 1)));
        }
        // segment boundaries of every plausible segment size (bytes of 8, 16 or 30 numbers), +- 1
        for (int bits = 15; bits <= 24; bits++) {
            for (long unit : new long[] {2, 16, 30}) {
                long b = unit << bits;
                cases.add(new ConformanceCase<>(Tasks.SIEVE, "segment edge " + unit + "*2^" + bits + " +- 1", -1,
                        SieveInput.count(b - 1, b + 1)));
                cases.add(new ConformanceCase<>(Tasks.SIEVE, "[0, " + unit + "*2^" + bits + " + 1]", -1,
                        SieveInput.count(1, b + 1)));
            }
        }
        SplittableRandom rnd = new SplittableRandom(SEED);
        for (int i = 0; i < 12; i++) {
            long from = (long) Math.pow(10, rnd.nextDouble() * 15);
            long len = (long) Math.pow(10, rnd.nextDouble() * 6.5);
            cases.add(new ConformanceCase<>(Tasks.SIEVE, "random [" + from + ", " + (from + len) + "]", SEED,
                    SieveInput.count(from, from + len)));
        }
        return cases;
    }

    /** Returns the sha256 batches: padding edges, batch sizes 0, 1 and work-group + 1, iterations, random sizes. */
    public static List<ConformanceCase<Sha256Input, Sha256Output>> sha256() {
        List<ConformanceCase<Sha256Input, Sha256Output>> cases = new ArrayList<>();
        for (int len : new int[] {0, 1, 31, 32, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 1000, 4099}) {
            cases.add(new ConformanceCase<>(Tasks.SHA256, "synthetic 300 x " + len + " bytes", -1,
                    new Sha256Input.Synthetic(300, len, 1, 7)));
        }
        for (int n : new int[] {0, 1, 2, 255, 256, 257, 1023, 1025, 4097}) {
            cases.add(new ConformanceCase<>(Tasks.SHA256, "synthetic batch of " + n, -1,
                    new Sha256Input.Synthetic(n, 64, 1, 0)));
        }
        cases.add(new ConformanceCase<>(Tasks.SHA256, "iterated 500 x 32 bytes x 7", -1,
                new Sha256Input.Synthetic(500, 32, 7, 42)));
        cases.add(new ConformanceCase<>(Tasks.SHA256, "iterated 100 x 200 bytes x 33", -1,
                new Sha256Input.Synthetic(100, 200, 33, -5)));
        cases.add(new ConformanceCase<>(Tasks.SHA256, "negative seed, 64 bytes", -1,
                new Sha256Input.Synthetic(1000, 64, 1, Long.MIN_VALUE)));
        // a shard of a larger batch: its messages fold under their index in the whole batch, on every kernel
        for (int len : new int[] {32, 64, 200}) {
            cases.add(new ConformanceCase<>(Tasks.SHA256, "shard at index 1000 of a batch, 300 x " + len + " bytes", -1,
                    new Sha256Input.Synthetic(300, len, 1, 7 + 1000, 1000)));
        }
        cases.add(new ConformanceCase<>(Tasks.SHA256, "shard at index 2^40 + 5, iterated 257 x 40 bytes x 3", -1,
                new Sha256Input.Synthetic(257, 40, 3, 11 + (1L << 40) + 5, (1L << 40) + 5)));
        cases.add(new ConformanceCase<>(Tasks.SHA256, "no messages", -1, new Sha256Input.Messages(List.of())));
        SplittableRandom rnd = new SplittableRandom(SEED);
        for (int round = 0; round < 3; round++) {
            int n = 1 + rnd.nextInt(600);
            List<byte[]> msgs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                byte[] m = new byte[rnd.nextInt(10) == 0 ? rnd.nextInt(20_000) : rnd.nextInt(200)];
                rnd.nextBytes(m);
                msgs.add(m);
            }
            cases.add(new ConformanceCase<>(Tasks.SHA256, "random messages #" + round + " (" + n + ")", SEED,
                    new Sha256Input.Messages(msgs)));
        }
        return cases;
    }

    /** Returns the blur inputs: 1x1, 1xN, Nx1, 17x13, radius >= width, portrait, every channel count, both kinds. */
    public static List<ConformanceCase<BlurInput, BlurOutput>> blur() {
        List<ConformanceCase<BlurInput, BlurOutput>> cases = new ArrayList<>();
        int[][] shapes = {{1, 1}, {1, 29}, {37, 1}, {17, 13}, {5, 40}, {64, 48}, {300, 17}, {129, 257}};
        BlurSpec[] specs = {BlurSpec.gaussian(0), BlurSpec.gaussian(0.8), BlurSpec.gaussian(3), BlurSpec.gaussian(7.5),
            BlurSpec.box(0), BlurSpec.box(1), BlurSpec.box(2), BlurSpec.box(20)};
        long seed = SEED;
        for (int[] s : shapes) {
            for (BlurSpec spec : specs) {
                for (int ch = 1; ch <= 4; ch++) {
                    if (ch != 4 && ch != s[0] % 4 + 1 && spec.radius() != 3) {
                        continue; // keep the suite short: all channel counts for r = 3, RGBA plus one more elsewhere
                    }
                    Image img = SyntheticImages.generate(s[0], s[1], ch, seed++);
                    cases.add(new ConformanceCase<>(Tasks.BLUR, s[0] + "x" + s[1] + "x" + ch + " " + spec
                            + (spec.radius() >= Math.min(s[0], s[1]) ? " (radius >= size)" : ""), seed - 1,
                            new BlurInput(List.of(img), spec)));
                }
            }
        }
        Image a = SyntheticImages.generate(640, 480, 3, 1);
        Image b = SyntheticImages.generate(480, 640, 4, 2);
        Image c = SyntheticImages.generate(33, 77, 1, 3);
        cases.add(new ConformanceCase<>(Tasks.BLUR, "batch of 3 mixed shapes, gaussian 2.5", 1,
                new BlurInput(List.of(a, b, c), BlurSpec.gaussian(2.5))));
        cases.add(new ConformanceCase<>(Tasks.BLUR, "4K-wide strip 3840x64x4, box 5", 4,
                new BlurInput(List.of(SyntheticImages.generate(3840, 64, 4, 4)), BlurSpec.box(5))));
        return cases;
    }
}
