package io.gpulab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the provider lookup on the cpu module's providers: loaded once, probes cached, unknown ids refused. */
class BackendsTest {

    @Test
    void everyLookupReturnsTheSameProviders() {
        List<BackendProvider> first = Backends.all();
        assertEquals(List.of("seq", "forkjoin", "process"), first.stream().map(BackendProvider::id).toList(),
                "the cpu module's providers, in order");
        List<BackendProvider> second = Backends.all();
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            assertSame(first.get(i), second.get(i), "provider " + first.get(i).id() + " was loaded twice");
            assertSame(first.get(i), Backends.find(first.get(i).id()).orElseThrow());
        }
    }

    /** The probe of process starts a worker JVM; a second lookup must reuse its cached outcome, not probe again. */
    @Test
    void theProbeIsCachedAcrossLookups() {
        Availability a = Backends.find("process").orElseThrow().probe();
        assertSame(a, Backends.find("process").orElseThrow().probe());
    }

    @Test
    void anUnknownBackendIsUnavailableWithItsName() {
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> Backends.open("no-such-backend", BackendOptions.defaults()));
        assertTrue(e.getMessage().startsWith("unknown backend 'no-such-backend'"), e.getMessage());
    }
}
