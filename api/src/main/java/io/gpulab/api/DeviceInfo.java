package io.gpulab.api;

import java.util.Map;

/**
 * Describes one device a backend can run on.
 *
 * @param id the id a user types after {@code --device}, such as {@code opencl:0:0} or {@code cuda:0}
 * @param name the human-readable device name
 * @param properties further facts (type, compute units, memory, driver version), in display order
 */
public record DeviceInfo(String id, String name, Map<String, String> properties) {

    /** Creates a device description, copying the properties in their order. */
    public DeviceInfo {
        properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    }
}
