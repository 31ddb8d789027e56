package io.gpulab.cli.lab;

import io.gpulab.api.Kernel;
import io.gpulab.images.Image;
import io.gpulab.images.ImageCodec;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurOutput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Decodes, blurs and encodes every photo of a batch into a folder: one after the other, on a pool of threads, in
 * child JVMs, or with the blur on a device backend; each way reports the seconds spent in each phase, summed over
 * its threads or processes.
 */
final class PhotoWays {

    /** The workers of the threads and processes ways. */
    static final int WORKERS = 4;

    /**
     * Holds one run of a way: seconds per phase, summed over workers.
     *
     * @param decode reading and decoding the files
     * @param blur blurring (on a device: uploads, kernels and downloads)
     * @param encode encoding and writing the PNG files
     * @param out the folder the blurred files went to
     */
    record Run(double decode, double blur, double encode, Path out) {
    }

    private final PhotoBatch batch;

    PhotoWays(PhotoBatch batch) {
        this.batch = batch;
    }

    /** Runs every photo through this kernel (prepared, untimed, by the caller) on the calling thread. */
    Run onOneThread(String way, Kernel<BlurInput, BlurOutput> kernel) throws Exception {
        Path out = batch.output(way);
        double[] t = new double[3];
        for (Path f : batch.files()) {
            photo(kernel, f, out, t);
        }
        return new Run(t[0], t[1], t[2], out);
    }

    /** Runs the photos on a pool of {@value #WORKERS} threads, each with its own kernel (prepared by the caller). */
    Run threads(List<Kernel<BlurInput, BlurOutput>> kernels) throws Exception {
        Path out = batch.output("threads");
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        List<double[]> times = new ArrayList<>();
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                int first = w;
                double[] t = new double[3];
                times.add(t);
                fs.add(pool.submit(() -> {
                    for (int i = first; i < batch.files().size(); i += WORKERS) {
                        photo(kernels.get(first), batch.files().get(i), out, t);
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return sum(times, out);
    }

    /** Runs the photos in {@value #WORKERS} child JVMs, each blurring every fourth photo on seq. */
    Run processes() throws Exception {
        Path out = batch.output("processes");
        List<ChildJvm> children = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            List<String> args = new ArrayList<>(List.of("blur", Double.toString(batch.spec().sigma()),
                    out.toString()));
            for (int i = w; i < batch.files().size(); i += WORKERS) {
                args.add(batch.files().get(i).toString());
            }
            if (args.size() > 3) {
                children.add(ChildJvm.start(args));
            }
        }
        List<double[]> times = new ArrayList<>();
        for (ChildJvm c : children) {
            String[] a = c.answer().split(" ");
            times.add(new double[] {Double.parseDouble(a[0]), Double.parseDouble(a[1]), Double.parseDouble(a[2])});
        }
        return sum(times, out);
    }

    private void photo(Kernel<BlurInput, BlurOutput> kernel, Path f, Path out, double[] t) throws Exception {
        long a = System.nanoTime();
        Image img = new ImageCodec().read(f);
        long b = System.nanoTime();
        Image blurred = kernel.run(new BlurInput(List.of(img), batch.spec())).images().get(0);
        long c = System.nanoTime();
        ImageCodec.writePng(blurred, out.resolve(f.getFileName()));
        long d = System.nanoTime();
        t[0] += (b - a) / 1e9;
        t[1] += (c - b) / 1e9;
        t[2] += (d - c) / 1e9;
    }

    private static Run sum(List<double[]> times, Path out) {
        double[] s = new double[3];
        for (double[] t : times) {
            for (int i = 0; i < 3; i++) {
                s[i] += t[i];
            }
        }
        return new Run(s[0], s[1], s[2], out);
    }
}
