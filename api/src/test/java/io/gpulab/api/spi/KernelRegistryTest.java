package io.gpulab.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpulab.api.BackendException;
import io.gpulab.api.Kernel;
import io.gpulab.tasks.SieveInput;
import io.gpulab.tasks.SieveOutput;
import io.gpulab.tasks.Tasks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks that a registry's tasks are exactly what it declares and that it builds only their kernels. */
class KernelRegistryTest {

    @Test
    void tasksAreTheDeclaredOnesInOrderAndPrepareUsesTheirFactory() {
        KernelRegistry<StringBuilder> r = new KernelRegistry<StringBuilder>("test")
                .add(Tasks.SIEVE, (b, in) -> {
                    b.append("sieve ").append(in.to());
                    return input -> new SieveOutput(42);
                })
                .add(Tasks.BLUR, (b, in) -> input -> null);
        assertEquals(List.of("sieve", "blur"), List.copyOf(r.tasks()));
        StringBuilder backend = new StringBuilder();
        try (Kernel<SieveInput, SieveOutput> k = r.prepare(backend, Tasks.SIEVE, SieveInput.count(0, 9))) {
            assertEquals(42, k.run(SieveInput.count(0, 9)).count());
        }
        assertEquals("sieve 9", backend.toString(), "the factory got the backend and the input");
    }

    @Test
    void anUndeclaredTaskIsABackendErrorNamingWhatItRuns() {
        KernelRegistry<Object> r = new KernelRegistry<>("test").add(Tasks.SIEVE, (b, in) -> input -> null);
        BackendException e = assertThrows(BackendException.class,
                () -> r.prepare(new Object(), Tasks.SHA256, null));
        assertEquals("backend test does not run task sha256; it runs sieve", e.getMessage());
    }

    @Test
    void aTaskDeclaredTwiceIsRefused() {
        KernelRegistry<Object> r = new KernelRegistry<>("test").add(Tasks.SIEVE, (b, in) -> input -> null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> r.add(Tasks.SIEVE, (b, in) -> input -> null));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }
}
