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
 * @param sieveCrossing how sieve.cl crosses off its larger primes, {@code atomic} or {@code serial}; null for the
 *     device's default
 * @param blurPipeline whether a single blur image is cut into bands that overlap its copies with its kernels,
 *     {@code on} or {@code off}; null for the device's default
 */
public record DeviceOptions(long maxBufferBytes, String sieveCrossing, String blurPipeline) {

    /** The key capping the bytes of one device buffer; tests set it small to exercise the splitting. */
    public static final String MAX_BUFFER_BYTES = "device.maxBufferBytes";
    /**
     * The key choosing how the sieve crosses off its larger primes: {@code atomic} (one prime per work-item, local
     * atomics: a GPU's way and its default) or {@code serial} (one work-item with plain ORs: the default on CPU
     * devices, which run a group's items one after the other and pay several plain ORs for one atomic OR).
     */
    public static final String SIEVE_CROSSING = "sieve.crossing";
    /**
     * The key saying whether a blur batch of one image is cut into several bands dealt to the two queues, so that
     * one band's upload, another's kernels and a third's download overlap ({@code on}: a GPU's default) or blurred
     * as one band where it fits ({@code off}: the default on CPU devices, whose copies are memory copies on the very
     * cores that run the kernels); tests force it on to run the GPU's path on PoCL.
     */
    public static final String BLUR_PIPELINE = "blur.pipeline";
    /** Every key the GPU runtimes accept, with what its value means; both providers declare them. */
    public static final Map<String, String> KEYS = Map.of(BLUR_PIPELINE, "whether a blur of one large image is cut "
            + "into bands whose copies overlap each other's kernels on two queues: on or off; default: on for GPUs, "
            + "off on CPU devices", MAX_BUFFER_BYTES, "the most bytes one device buffer may "
            + "hold, at least 1024, so that inputs split into more launches or bands; default: the runtime's limit",
            SIEVE_CROSSING, "how the sieve crosses off its larger primes: atomic (every work-item, local atomics) or "
            + "serial (one work-item, plain ORs); default: serial on CPU devices, atomic on GPUs");
    /** The smallest cap accepted: below it not even a sieve segment's bitmap would fit. */
    public static final long MIN_BUFFER_BYTES = 1024;

    /** Creates options with a buffer cap (0 for none) and the device's defaults otherwise. */
    public DeviceOptions(long maxBufferBytes) {
        this(maxBufferBytes, null, null);
    }

    /** Returns {@link #KEYS} as the option keys a GPU provider declares ({@code BackendProvider.optionKeys}). */
    public static List<BackendOptionKey> optionKeys() {
        return new TreeMap<>(KEYS).entrySet().stream().map(e -> new BackendOptionKey(e.getKey(), e.getValue()))
                .toList();
    }

    /**
     * Reads the device options of a backend.
     *
     * @throws InvalidOptionException for an unknown key, a cap that is not a byte count of at least
     *     {@value #MIN_BUFFER_BYTES}, a crossing other than atomic and serial or a pipeline other than on and off
     */
    public static DeviceOptions of(String runtime, BackendOptions options) {
        for (String key : options.extra().keySet()) {
            if (!KEYS.containsKey(key)) {
                throw new InvalidOptionException("unknown " + runtime + " option " + key + "; known: "
                        + new TreeSet<>(KEYS.keySet()));
            }
        }
        String crossing = options.extra().get(SIEVE_CROSSING);
        if (crossing != null && !crossing.equals("atomic") && !crossing.equals("serial")) {
            throw new InvalidOptionException(SIEVE_CROSSING + " must be atomic or serial: " + crossing);
        }
        String pipeline = options.extra().get(BLUR_PIPELINE);
        if (pipeline != null && !pipeline.equals("on") && !pipeline.equals("off")) {
            throw new InvalidOptionException(BLUR_PIPELINE + " must be on or off: " + pipeline);
        }
        String v = options.extra().get(MAX_BUFFER_BYTES);
        if (v == null) {
            return new DeviceOptions(0, crossing, pipeline);
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
        return new DeviceOptions(n, crossing, pipeline);
    }

    /** Returns whether the sieve crosses off its larger primes serially: as asked, else on a CPU device only. */
    public boolean serialSieveCrossing(boolean cpuDevice) {
        return sieveCrossing == null ? cpuDevice : sieveCrossing.equals("serial");
    }

    /** Returns whether a single blur image is cut into overlapping bands: as asked, else on a GPU only. */
    public boolean blurPipeline(boolean cpuDevice) {
        return blurPipeline == null ? !cpuDevice : blurPipeline.equals("on");
    }

    /** Returns the budget a runtime limit gives under these options: the smaller of the two when a cap is set. */
    public long cap(long runtimeLimit) {
        return maxBufferBytes > 0 ? Math.min(runtimeLimit, maxBufferBytes) : runtimeLimit;
    }
}
