package io.gpulab.gpu.cuda;

import io.gpulab.api.BackendUnavailableException;
import io.gpulab.api.DeviceInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jcuda.CudaException;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.JCudaDriver;

/** Lists the CUDA devices as {@link DeviceInfo} and resolves the device ids a user types ({@code cuda:N}). */
final class CudaDevices {

    /** The prefix of every CUDA device id. */
    static final String PREFIX = "cuda:";

    private CudaDevices() {
    }

    /** Returns every device the driver sees, in ordinal order; the driver must be initialized. */
    static List<DeviceInfo> list() {
        int[] count = new int[1];
        JCudaDriver.cuDeviceGetCount(count);
        List<DeviceInfo> out = new ArrayList<>(count[0]);
        for (int i = 0; i < count[0]; i++) {
            out.add(describe(i));
        }
        return out;
    }

    /**
     * Returns the ordinal of a device id: null means device 0; otherwise {@code cuda:N} with N below the count.
     *
     * @throws BackendUnavailableException when the id is malformed or names no device
     */
    static int ordinal(String id, int deviceCount) {
        if (id == null || id.isBlank()) {
            return 0;
        }
        String digits = id.startsWith(PREFIX) ? id.substring(PREFIX.length()) : "";
        int n;
        try {
            n = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new BackendUnavailableException("cuda device id '" + id + "' is not of the form cuda:N");
        }
        if (n < 0 || n >= deviceCount) {
            throw new BackendUnavailableException("no CUDA device " + id + ": this machine has " + deviceCount
                    + " (cuda:0" + (deviceCount > 1 ? " to cuda:" + (deviceCount - 1) : "") + ")");
        }
        return n;
    }

    /** Returns the name, compute capability, SMs, memory and driver version of one device. */
    static DeviceInfo describe(int ordinal) {
        CUdevice dev = new CUdevice();
        JCudaDriver.cuDeviceGet(dev, ordinal);
        byte[] name = new byte[256];
        JCudaDriver.cuDeviceGetName(name, name.length, dev);
        long[] total = new long[1];
        JCudaDriver.cuDeviceTotalMem(total, dev);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("type", "GPU");
        p.put("compute capability", attribute(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR)
                + "." + attribute(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR));
        p.put("multiprocessors", Integer.toString(
                attribute(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT)));
        p.put("memory", total[0] / (1024 * 1024) + " MiB");
        p.put("clock", attribute(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_CLOCK_RATE) / 1000 + " MHz");
        String bandwidth = peakBandwidth(dev);
        if (bandwidth != null) {
            p.put("peak memory bandwidth", bandwidth);
        }
        p.put("driver", "CUDA " + CudaErrors.cudaVersion(CudaDriver.driverVersion()));
        return new DeviceInfo(PREFIX + ordinal, cString(name), p);
    }

    private static int attribute(CUdevice dev, int attribute) {
        int[] v = new int[1];
        JCudaDriver.cuDeviceGetAttribute(v, attribute, dev);
        return v[0];
    }

    /** Returns 2 x memory clock x bus width (DDR), or null where a driver no longer reports the memory clock. */
    private static String peakBandwidth(CUdevice dev) {
        try {
            long khz = attribute(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MEMORY_CLOCK_RATE);
            long bits = attribute(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_GLOBAL_MEMORY_BUS_WIDTH);
            if (khz <= 0 || bits <= 0) {
                return null;
            }
            double bytesPerSecond = 2.0 * khz * 1000 * bits / 8;
            return String.format(java.util.Locale.ROOT, "%.0f GB/s", bytesPerSecond / 1e9);
        } catch (CudaException e) {
            return null;
        }
    }

    private static String cString(byte[] bytes) {
        int n = 0;
        while (n < bytes.length && bytes[n] != 0) {
            n++;
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }
}
