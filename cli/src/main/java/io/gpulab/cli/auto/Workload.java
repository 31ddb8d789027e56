package io.gpulab.cli.auto;

import io.gpulab.images.Image;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurSpec;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.SieveInput;
import java.util.List;
import java.util.Locale;

/**
 * Describes one input in the terms of the cost model: the task, cost units (numbers for the sieve, SHA-256
 * compression blocks for sha256, sample-taps for blur, so that message length and blur radius count), the bytes a
 * device backend must move across its link, and how many batches the input is run in.
 *
 * @param task the task id
 * @param description the input for people, such as {@code [0, 10^9]}
 * @param units cost units of the whole input
 * @param bytes bytes to and from a device for the whole input
 * @param batches batches the input is run in, each prepared and run on its own (files), at least 1
 * @param fileBatches the sizes of the files of each batch of a files run, which a backend that hashes each file on
 *     one thread needs ({@link Cost#runTime}); null where only the totals are known
 */
public record Workload(String task, String description, double units, double bytes, int batches,
        List<long[]> fileBatches) {

    /** Checks the fields and copies the list. */
    public Workload {
        if (units < 0 || bytes < 0 || batches < 1) {
            throw new IllegalArgumentException("workload needs units >= 0, bytes >= 0, batches >= 1");
        }
        fileBatches = fileBatches == null ? null : List.copyOf(fileBatches);
    }

    /** Creates a workload known by its totals only. */
    public Workload(String task, String description, double units, double bytes, int batches) {
        this(task, description, units, bytes, batches, null);
    }

    /** Returns the workload of counting the primes of {@code [from, to]}; only the count comes back. */
    public static Workload sieve(long from, long to) {
        return new Workload("sieve", "[" + number(from) + ", " + number(to) + "]", Math.max(0, to - from + 1.0), 0,
                1);
    }

    /**
     * Returns the workload of a synthetic SHA-256 batch, generated on the device itself, so that only the 32-byte
     * fold moves.
     */
    public static Workload sha256(long count, int length, int iterations) {
        double blocks = count * (blocks(length) + (iterations - 1.0));
        return new Workload("sha256", number(count) + " x " + length + " B" + (iterations > 1 ? " x " + iterations
                + " iterations" : ""), blocks, 0, 1);
    }

    /** Returns the workload of hashing {@code files} files of {@code bytes} bytes in all, in this many batches. */
    public static Workload sha256Files(long files, long bytes, int batches) {
        // each file pays its padding block; its bytes go up, offsets, lengths and the 32-byte digest travel too
        double blocks = bytes / 64.0 + files;
        return new Workload("sha256", number(files) + " files, " + number(bytes) + " B", blocks,
                bytes + files * (12.0 + 32.0), batches);
    }

    /**
     * Returns the workload of hashing files in these batches, each the sizes of its files: the totals of
     * {@link #sha256Files(long, long, int)}, and the sizes, so that a backend that hashes each file on one thread is
     * predicted as the run routes the batches ({@link HostRouting}).
     */
    public static Workload sha256Files(List<long[]> fileBatches) {
        long files = 0;
        long bytes = 0;
        for (long[] batch : fileBatches) {
            files += batch.length;
            for (long s : batch) {
                bytes += s;
            }
        }
        Workload totals = sha256Files(files, bytes, Math.max(1, fileBatches.size()));
        return new Workload(totals.task, totals.description, totals.units, totals.bytes, totals.batches,
                fileBatches);
    }

    /** Returns the workload of blurring images of {@code samples} samples in all (pixels x channels). */
    public static Workload blur(String description, long samples, BlurSpec spec, int batches) {
        // separable: two passes of 2r + 1 taps per sample; every sample goes up and comes back
        double taps = 2.0 * (2 * spec.radius() + 1);
        return new Workload("blur", description + ", " + spec, samples * taps, 2.0 * samples, batches);
    }

    /** Returns the workload of a task's input record, for {@code compare} and calibration. */
    public static Workload of(String task, Object input) {
        if (input instanceof SieveInput s) {
            return sieve(s.from(), s.to());
        }
        if (input instanceof Sha256Input.Synthetic s) {
            return sha256(s.count(), s.length(), s.iterations());
        }
        if (input instanceof Sha256Input.Messages m) {
            long bytes = m.messages().stream().mapToLong(b -> b.length).sum();
            return sha256Files(m.count(), bytes, 1);
        }
        if (input instanceof BlurInput b) {
            long samples = 0;
            for (Image img : b.images()) {
                samples += (long) img.width() * img.height() * img.channels();
            }
            Image first = b.images().isEmpty() ? null : b.images().get(0);
            String d = b.images().size() == 1 && first != null
                    ? first.width() + "x" + first.height() + "x" + first.channels()
                    : b.images().size() + " images";
            return blur(d, samples, b.spec(), 1);
        }
        throw new IllegalArgumentException("no cost model for the input of task " + task);
    }

    /**
     * Returns the same input run in {@code n} batches (at least 1), as files are when they exceed the budget; known by
     * its totals only.
     */
    public Workload inBatches(int n) {
        return new Workload(task, description, units, bytes, Math.max(1, n));
    }

    /** Returns the SHA-256 compression blocks of one message of this length, padding included. */
    static long blocks(long length) {
        return (length + 9 + 63) / 64;
    }

    /** Writes a number as people read it in a command line: {@code 10^9}, {@code 3*10^8}, else in digits. */
    static String number(long n) {
        if (n >= 10_000) {
            int k = 0;
            long m = n;
            while (m % 10 == 0) {
                m /= 10;
                k++;
            }
            if (k >= 3 && m < 10) {
                return (m == 1 ? "" : m + "*") + "10^" + k;
            }
        }
        return String.format(Locale.ROOT, "%d", n);
    }
}
