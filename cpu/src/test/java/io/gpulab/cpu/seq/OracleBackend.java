package io.gpulab.cpu.seq;

import io.gpulab.api.Backend;
import io.gpulab.api.Kernel;
import io.gpulab.api.Task;
import io.gpulab.api.spi.KernelRegistry;
import io.gpulab.images.Image;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurOutput;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Merge;
import io.gpulab.tasks.Sha256Output;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveOutput;
import io.gpulab.tasks.Tasks;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Computes every task the slow, obvious way, independently of the seq code, as the reference of the conformance
 * test of {@code seq} itself: SHA-256 through the JDK's {@link MessageDigest}, primes through {@link ReferenceSieve}
 * (a plain sieve, or a primality test per number above 10^14), blur through {@link BlurSeqTest#definition} in double
 * precision.
 */
final class OracleBackend implements Backend {

    private static final long SIEVE_LIMIT = 100_000_000_000_000L;

    /** The longest range the oracle sieves (a few seconds on the reference sieve). */
    private static final long MAX_SIEVED = 1L << 25;

    /** The longest range above {@link #SIEVE_LIMIT} the oracle tests number by number. */
    private static final long MAX_TESTED = 200_000;

    /** The longest range the reference sieve takes at once; longer ranges go in pieces. */
    private static final long CHUNK = 50_000_000L;

    private static final KernelRegistry<OracleBackend> KERNELS = new KernelRegistry<OracleBackend>("oracle")
            .add(Tasks.BLUR, (b, in) -> OracleBackend::blur)
            .add(Tasks.SHA256, (b, in) -> OracleBackend::sha256)
            .add(Tasks.SIEVE, (b, in) -> OracleBackend::sieve);

    @Override
    public String id() {
        return "oracle";
    }

    @Override
    public String device() {
        return "JDK MessageDigest, reference sieve, blur definition in double precision";
    }

    @Override
    public <I, O> Kernel<I, O> prepare(Task<I, O> task, I input) {
        return KERNELS.prepare(this, task, input);
    }

    @Override
    public void close() {
    }

    private static BlurOutput blur(BlurInput input) {
        float[] wf = input.spec().weights();
        double[] w = new double[wf.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = wf[i];
        }
        List<Image> out = new ArrayList<>();
        for (Image img : input.images()) {
            out.add(BlurSeqTest.definition(img, w));
        }
        return new BlurOutput(out);
    }

    private static Sha256Output sha256(Sha256Input input) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("the JDK has no SHA-256", e);
        }
        byte[] digests = new byte[input.count() * 32];
        for (int i = 0; i < input.count(); i++) {
            byte[] m;
            if (input instanceof Sha256Input.Synthetic s) {
                m = new byte[s.length()];
                s.fill(i, m, 0);
            } else {
                m = ((Sha256Input.Messages) input).messages().get(i);
            }
            byte[] d = md.digest(m);
            for (int k = 1; k < input.iterations(); k++) {
                d = md.digest(d);
            }
            System.arraycopy(d, 0, digests, 32 * i, 32);
        }
        return Sha256Merge.output(input, digests);
    }

    private static SieveOutput sieve(SieveInput input) {
        long cap = input.to() > SIEVE_LIMIT ? MAX_TESTED : MAX_SIEVED;
        if (input.length() > cap) {
            Assumptions.abort("range " + input.from() + ".." + input.to() + " is longer than the oracle checks ("
                    + cap + " numbers at this height); SieveSeqTest and SieveSeqEdgeTest check seq there"
                    + " (published counts, primality tests)");
        }
        if (input.to() > SIEVE_LIMIT && input.sink() == null) {
            return new SieveOutput(ReferenceSieve.countByPrimalityTest(input.from(), input.to()));
        }
        long count = 0;
        for (long lo = input.from(); lo <= input.to(); lo += CHUNK) {
            long[] primes = ReferenceSieve.primes(lo, Math.min(input.to(), lo + CHUNK - 1));
            if (input.sink() != null) {
                for (long p : primes) {
                    input.sink().accept(p);
                }
            }
            count += primes.length;
            if (input.to() - lo < CHUNK) {
                break;
            }
        }
        return new SieveOutput(count);
    }
}
