package io.gpulab.api.spi;

import io.gpulab.api.Backend;
import io.gpulab.api.Kernel;
import io.gpulab.images.Image;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurOutput;
import io.gpulab.tasks.BlurSpec;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveOutput;
import io.gpulab.tasks.Tasks;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Runs the tiny known-answer self-test every backend runs in its probe: SHA-256("abc") and the fold of a tiny
 * synthetic batch, pi(100) = 25 and a constant image that stays constant under a Gaussian blur.
 */
public final class SelfTest {

    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    /** The fold of the synthetic batch (2 messages of 64 bytes, seed 0), from sha256fold/fold_reference.py. */
    private static final String FOLD_2X64 = "f0032ef99678855eb7e32ef6022ce22bbb47677b553698067191098229bb144f";

    private SelfTest() {
    }

    /** Checks SHA-256("abc") and, since backends fold synthetic batches their own way, a tiny synthetic fold. */
    private static String sha256(Backend backend) {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        Sha256Input in = new Sha256Input.Messages(List.of(abc));
        try (Kernel<Sha256Input, Sha256Output> k = backend.prepare(Tasks.SHA256, in)) {
            Sha256Output out = k.run(in);
            String got = out.digests().isEmpty() ? "no digest" : HexFormat.of().formatHex(out.digests().get(0));
            if (!ABC.equals(got)) {
                return "self-test failed: SHA-256(\"abc\") gave " + got;
            }
            String fold = k.run(new Sha256Input.Synthetic(2, 64, 1, 0)).foldHex();
            if (!FOLD_2X64.equals(fold)) {
                return "self-test failed: the fold of 2 synthetic 64-byte messages gave " + fold;
            }
        }
        return null;
    }

    /** Runs the self-test of every task the backend supports; returns null on success, else one-line reason. */
    public static String run(Backend backend, java.util.Set<String> tasks) {
        try {
            if (tasks.contains("sha256")) {
                String failed = sha256(backend);
                if (failed != null) {
                    return failed;
                }
            }
            if (tasks.contains("sieve")) {
                SieveInput in = SieveInput.count(0, 100);
                try (Kernel<SieveInput, SieveOutput> k = backend.prepare(Tasks.SIEVE, in)) {
                    long got = k.run(in).count();
                    if (got != 25) {
                        return "self-test failed: pi(100) gave " + got + " instead of 25";
                    }
                }
            }
            if (tasks.contains("blur")) {
                byte[] px = new byte[9 * 7 * 4];
                Arrays.fill(px, (byte) 77);
                BlurInput in = new BlurInput(List.of(new Image(9, 7, 4, px)), BlurSpec.gaussian(1.5));
                try (Kernel<BlurInput, BlurOutput> k = backend.prepare(Tasks.BLUR, in)) {
                    byte[] out = k.run(in).images().get(0).pixels();
                    for (byte b : out) {
                        if (b != 77) {
                            return "self-test failed: a constant image (77) changed to " + (b & 0xFF) + " under blur";
                        }
                    }
                }
            }
            return null;
        } catch (RuntimeException | LinkageError e) {
            return "self-test failed: " + oneLine(e);
        }
    }

    /** Returns the class and message of a throwable and its root cause, on one line. */
    public static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (root != e) {
            msg += " (" + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage())
                    + ")";
        }
        return msg.replace('\n', ' ');
    }
}
