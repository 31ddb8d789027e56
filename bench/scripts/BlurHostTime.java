import io.gpulab.api.Backend;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.Backends;
import io.gpulab.api.Kernel;
import io.gpulab.images.Image;
import io.gpulab.images.SyntheticImages;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurOutput;
import io.gpulab.tasks.BlurSpec;
import io.gpulab.tasks.Tasks;
import java.util.Arrays;
import java.util.List;

/**
 * Prints the host time of a GPU blur run: the wall time of Kernel.run minus its upload, kernel and download phases
 * (one band, one queue: the phases do not overlap), min and median over N runs after 3 warm-ups, on a synthetic RGBA
 * image put where the backend reads it without a copy (Backend.hostImage), each output but the last handed back as
 * gpulab run does (Kernel.recycle).
 *
 * <p>Run from a checkout after ./gpulab has built the jar: {@code java -cp cli/target/gpulab.jar
 * bench/scripts/BlurHostTime.java opencl 3840 2160 15}.
 */
public final class BlurHostTime {

    private BlurHostTime() {
    }

    public static void main(String[] args) {
        String backend = args[0];
        int width = Integer.parseInt(args[1]);
        int height = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        try (Backend b = Backends.open(backend, BackendOptions.defaults())) {
            Image img = b.hostImage(SyntheticImages.generate(width, height, 4, 0));
            BlurInput in = new BlurInput(List.of(img), BlurSpec.gaussian(3));
            try (Kernel<BlurInput, BlurOutput> k = b.prepare(Tasks.BLUR, in)) {
                for (int i = 0; i < 3; i++) {
                    k.recycle(k.run(in));
                }
                double[] host = new double[runs];
                double[] wall = new double[runs];
                BlurOutput last = null;
                for (int i = 0; i < runs; i++) {
                    if (last != null) {
                        k.recycle(last);
                    }
                    long t0 = System.nanoTime();
                    last = k.run(in);
                    wall[i] = (System.nanoTime() - t0) / 1e6;
                    host[i] = wall[i] - k.phases().values().stream().mapToDouble(Double::doubleValue).sum() * 1e3;
                }
                Arrays.sort(host);
                Arrays.sort(wall);
                System.out.printf("%s blur %dx%dx4 sigma 3 (%s): host time outside the phases min %.1f ms, median "
                        + "%.1f ms; wall min %.1f ms, median %.1f ms (n=%d)%n", backend, width, height, b.device(),
                        host[0], host[runs / 2], wall[0], wall[runs / 2], runs);
            }
        }
    }
}
