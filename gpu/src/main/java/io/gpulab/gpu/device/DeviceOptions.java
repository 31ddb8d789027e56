package io.gpulab.gpu.device;

import io.gpulab.api.BackendOptionKey;
import io.gpulab.api.BackendOptions;
import io.gpulab.api.InvalidOptionException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one option vocabulary of both GPU runtimes, given as {@code -X key=value} ({@link BackendOptions#extra}):
 * unknown keys and bad values are usage errors ({@link InvalidOptionException}).
 *
 * @param maxBufferBytes the most bytes one device buffer may hold, lowering the runtime's own limit so that inputs
 *     split into more launches or bands; 0 when not given
 */
public record DeviceOptions(long maxBufferBytes) {

    /** The key capping the bytes of one device buffer; tests set it small to exercise the splitting. */
    public static final String MAX_BUFFER_BYTES = "device.maxBufferBytes";
    /** Every key the GPU runtimes accept, with what its value means; both providers declare them. */
    public static final Map<String, String> KEYS = Map.of(MAX_BUFFER_BYTES, "the most bytes one device buffer may "
            + "hold, at least 1024, so that inputs split into more launches or bands; default: the runtime's limit");
    /** The smallest cap accepted: below it not even a sieve segment's bitmap would fit. */
    public static final long MIN_BUFFER_BYTES = 1024;

    /** Returns {@link #KEYS} as the option keys a GPU provider declares ({@code BackendProvider.optionKeys}). */
    public static List<BackendOptionKey> optionKeys() {
        return new TreeMap<>(KEYS).entrySet().stream().map(e -> new BackendOptionKey(e.getKey(), e.getValue()))
                .toList();
    }

    /**
     * Reads the device options of a backend.
     *
     * @throws InvalidOptionException for an unknown key or a value that is not a byte count of at least
     *     {@value #MIN_BUFFER_BYTES}
     */
    public static DeviceOptions of(String runtime, BackendOptions options) {
        for (String key : options.extra().keySet()) {
            if (!KEYS.containsKey(key)) {
                throw new InvalidOptionException("unknown " + runtime + " option " + key + "; known: "
                        + new TreeSet<>(KEYS.keySet()));
            }
        }
        String v = options.extra().get(MAX_BUFFER_BYTES);
        if (v == null) {
            return new DeviceOptions(0);
        }
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < MIN_BUFFER_BYTES) {
            throw new InvalidOptionException(MAX_BUFFER_BYTES + " must be a byte count of at least "
                    + MIN_BUFFER_BYTES + ": " + v);
        }
        return new DeviceOptions(n);
    }

    /** Returns the budget a runtime limit gives under these options: the smaller of the two when a cap is set. */
    public long cap(long runtimeLimit) {
        return maxBufferBytes > 0 ? Math.min(runtimeLimit, maxBufferBytes) : runtimeLimit;
    }
}
