package io.gpulab.cli;

import io.gpulab.api.Availability;
import io.gpulab.api.Backend;
import io.gpulab.api.BackendException;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.DeviceInfo;
import io.gpulab.api.Kernel;
import io.gpulab.api.Phase;
import io.gpulab.api.Task;
import io.gpulab.cpu.seq.SieveSeq;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveOutput;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A test-only backend, {@code faulty}, that sieves correctly except on three trigger ranges ending at
 * {@link #WRONG_TO} (count off by one, with an event), {@link #FAIL_TO} (a backend failure) and {@link #BUG_TO} (an
 * unchecked exception, as a bug would throw), so the exit codes 4, 5 and 6 can be provoked.
 */
public final class FaultyProvider implements BackendProvider {

    /** A range end whose count comes back one too high: the end of the tiny standard sieve input. */
    static final long WRONG_TO = 1_000_000;
    /** A range end whose run throws a {@link BackendException}. */
    static final long FAIL_TO = 1_000_013;
    /** A range end whose run throws an {@link IllegalStateException}. */
    static final long BUG_TO = 1_000_033;

    @Override
    public String id() {
        return "faulty";
    }

    @Override
    public Set<String> tasks() {
        return Set.of("sieve");
    }

    @Override
    public Availability probe() {
        return Availability.available(List.of(new DeviceInfo("faulty:0", "test double", Map.of())));
    }

    @Override
    public Backend open(BackendOptions options) {
        return new Backend() {
            @Override
            public String id() {
                return "faulty";
            }

            @Override
            public String device() {
                return "test double";
            }

            @Override
            @SuppressWarnings("unchecked")
            public <I, O> Kernel<I, O> prepare(Task<I, O> task, I input) {
                if (!task.id().equals("sieve")) {
                    throw new BackendException("faulty runs only sieve");
                }
                return (Kernel<I, O>) new FaultySieve();
            }

            @Override
            public Map<Phase, Double> setupPhases() {
                return Map.of(Phase.COMPILE, 0.25);
            }

            @Override
            public void close() {
            }
        };
    }

    /** The sieve kernel with its three faults. */
    private static final class FaultySieve implements Kernel<SieveInput, SieveOutput> {
        private List<String> events = List.of();

        @Override
        public SieveOutput run(SieveInput input) {
            events = List.of();
            if (input.to() == FAIL_TO) {
                throw new BackendException("simulated device failure");
            }
            if (input.to() == BUG_TO) {
                throw new IllegalStateException("simulated bug");
            }
            long count = SieveSeq.count(input.from(), input.to(), input.sink());
            if (input.to() == WRONG_TO) {
                events = List.of("simulated event: shard 3 re-run");
                return new SieveOutput(count + 1);
            }
            return new SieveOutput(count);
        }

        @Override
        public Map<Phase, Double> phases() {
            return Map.of(Phase.KERNEL, 0.5);
        }

        @Override
        public List<String> events() {
            return events;
        }
    }
}
