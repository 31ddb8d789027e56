package io.gpulab.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import io.gpulab.api.Availability;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.Backends;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;

/**
 * Decides what an unavailable backend does to a test: abort with its reason, or fail when the system property
 * {@code gpulab.requireBackends} names it (comma-separated ids, or {@code all}), so a missing driver cannot pass
 * as green in CI.
 */
public final class RequireBackend {

    /** The system property that lists the backends whose absence is a failure. */
    public static final String PROPERTY = "gpulab.requireBackends";

    private RequireBackend() {
    }

    /** Returns true when the property names this backend (or {@code all}). */
    public static boolean required(String id) {
        String v = System.getProperty(PROPERTY, "");
        return Arrays.stream(v.split(",")).map(String::trim).anyMatch(s -> s.equals(id) || s.equals("all"));
    }

    /** Returns the provider if available; otherwise aborts the test with the reason, or fails it if required. */
    public static BackendProvider available(String id) {
        BackendProvider p = Backends.find(id).orElse(null);
        String reason;
        if (p == null) {
            reason = "no provider for backend '" + id + "' on the class path";
        } else {
            Availability a = p.probe();
            if (a.available()) {
                return p;
            }
            reason = a.reason();
        }
        String message = "backend " + id + " unavailable: " + reason;
        if (required(id)) {
            fail(message + " (required by -D" + PROPERTY + ")");
        }
        Assumptions.abort(message);
        return null;
    }
}
