package io.gpulab.api;

import java.util.List;

/**
 * Says whether a backend can run here, why not when it cannot, and on which devices.
 *
 * @param available true when the backend passed its probe and its known-answer self-test
 * @param reason one readable line saying why the backend is unavailable; null when available
 * @param devices the devices found, possibly non-empty even when unavailable
 */
public record Availability(boolean available, String reason, List<DeviceInfo> devices) {

    /** Creates an availability record with an immutable device list. */
    public Availability {
        devices = List.copyOf(devices);
    }

    /** Returns the availability of a backend that passed its probe on these devices. */
    public static Availability available(List<DeviceInfo> devices) {
        return new Availability(true, null, devices);
    }

    /** Returns the availability of a backend that cannot run, with the one-line reason. */
    public static Availability unavailable(String reason) {
        return new Availability(false, reason, List.of());
    }
}
