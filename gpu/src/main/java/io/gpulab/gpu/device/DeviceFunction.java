package io.gpulab.gpu.device;

/** A kernel function made by {@link Device#function}; it holds the launch state of one user and is closed by it. */
public interface DeviceFunction extends AutoCloseable {

    /** Returns the kernel this function runs. */
    KernelSpec spec();

    /** Releases the function (the program or module stays cached by the device). */
    @Override
    void close();
}
