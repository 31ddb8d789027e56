package io.gpulab.spark;

import io.gpulab.api.Availability;
import io.gpulab.api.Backend;
import io.gpulab.api.BackendException;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.Kernel;
import io.gpulab.api.Task;
import io.gpulab.cpu.seq.SeqBackend;
import io.gpulab.tasks.SieveInput;
import java.util.List;
import java.util.Set;

/**
 * A test-only inner backend, {@code failing-inner}: {@code seq}, except that sieving a range that holds
 * {@value #BAD} fails every time, as a shard with bad input does.
 */
public final class FailingInnerProvider implements BackendProvider {

    /** The number whose range fails. */
    static final long BAD = 777;

    @Override
    public String id() {
        return "failing-inner";
    }

    @Override
    public Set<String> tasks() {
        return Set.of("sieve");
    }

    @Override
    public Availability probe() {
        return Availability.available(List.of());
    }

    @Override
    public Backend open(BackendOptions options) {
        SeqBackend seq = new SeqBackend();
        return new Backend() {
            @Override
            public String id() {
                return "failing-inner";
            }

            @Override
            public String device() {
                return "seq that fails on " + BAD;
            }

            @Override
            @SuppressWarnings("unchecked")
            public <I, O> Kernel<I, O> prepare(Task<I, O> task, I input) {
                Kernel<I, O> k = seq.prepare(task, input);
                return in -> {
                    SieveInput s = (SieveInput) in;
                    if (s.from() <= BAD && BAD <= s.to()) {
                        throw new BackendException("bad range [" + s.from() + ", " + s.to() + "] holds " + BAD);
                    }
                    return k.run(in);
                };
            }

            @Override
            public void close() {
            }
        };
    }
}
