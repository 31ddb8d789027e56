package io.gpulab.api;

/** Signals that one item cannot fit on a device even after splitting, with the bytes requested and available. */
public class DeviceOutOfMemoryException extends BackendException {

    private static final long serialVersionUID = 1L;

    private final long requestedBytes;
    private final long availableBytes;

    /** Creates the exception naming the item, the bytes it needs and the bytes the device offers. */
    public DeviceOutOfMemoryException(String what, long requestedBytes, long availableBytes) {
        super(what + " needs " + requestedBytes + " bytes of device memory but only " + availableBytes
                + " bytes are available");
        this.requestedBytes = requestedBytes;
        this.availableBytes = availableBytes;
    }

    /** Returns the bytes the item needs. */
    public long requestedBytes() {
        return requestedBytes;
    }

    /** Returns the bytes the device offers. */
    public long availableBytes() {
        return availableBytes;
    }
}
