package io.gpulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gpulab.api.Backend;
import io.gpulab.api.Kernel;
import io.gpulab.api.Task;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import io.gpulab.tasks.Tasks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks that a measurement hands every output back to the kernel but the one it returns. */
class MeasuredTest {

    @Test
    void everyOutputButTheLastRunsIsHandedBackBeforeTheNextRun() {
        List<String> log = new ArrayList<>();
        Backend backend = new Backend() {
            @Override
            public String id() {
                return "fake";
            }

            @Override
            public String device() {
                return "fake device";
            }

            @Override
            @SuppressWarnings("unchecked")
            public <I, O> Kernel<I, O> prepare(Task<I, O> task, I input) {
                return (Kernel<I, O>) new Kernel<Sha256Input, Sha256Output>() {
                    private int runs;

                    @Override
                    public Sha256Output run(Sha256Input in) {
                        runs++;
                        log.add("run " + runs);
                        return new Sha256Output(new byte[] {(byte) runs}, List.of());
                    }

                    @Override
                    public void recycle(Sha256Output out) {
                        log.add("recycle " + out.fold()[0]);
                    }
                };
            }

            @Override
            public void close() {
            }
        };
        Sha256Input in = new Sha256Input.Synthetic(1, 32, 1, 1);
        Measured<Sha256Output> m = Measured.run(backend, Tasks.SHA256, in, 2, 3);
        assertEquals(List.of("run 1", "recycle 1", "run 2", "recycle 2", "run 3", "recycle 3", "run 4", "recycle 4",
                "run 5"), log);
        assertEquals(5, m.output().fold()[0], "the last run's output is returned");
        assertEquals(3, m.seconds().length);
    }
}
