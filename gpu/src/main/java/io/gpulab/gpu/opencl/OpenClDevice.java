package io.gpulab.gpu.opencl;

import static org.jocl.CL.CL_DEVICE_GLOBAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_LOCAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_COMPUTE_UNITS;
import static org.jocl.CL.CL_DEVICE_MAX_MEM_ALLOC_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_WORK_GROUP_SIZE;
import static org.jocl.CL.CL_DEVICE_MEM_BASE_ADDR_ALIGN;
import static org.jocl.CL.CL_DEVICE_NAME;
import static org.jocl.CL.CL_DEVICE_TYPE;
import static org.jocl.CL.CL_DEVICE_TYPE_ACCELERATOR;
import static org.jocl.CL.CL_DEVICE_TYPE_CPU;
import static org.jocl.CL.CL_DEVICE_TYPE_GPU;
import static org.jocl.CL.CL_DEVICE_VERSION;
import static org.jocl.CL.CL_DRIVER_VERSION;
import static org.jocl.CL.CL_PLATFORM_NAME;
import static org.jocl.CL.clGetDeviceInfo;
import static org.jocl.CL.clGetPlatformInfo;

import io.gpulab.api.DeviceInfo;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * One OpenCL device as found by {@link OpenClDevices}, with the facts the backend plans its launches by.
 *
 * @param id the id a user types, {@code opencl:P:D}
 * @param platform the platform handle
 * @param device the device handle
 * @param info the description shown by {@code gpulab backends}
 * @param gpu true for a GPU device
 * @param maxAllocBytes {@code CL_DEVICE_MAX_MEM_ALLOC_SIZE}
 * @param globalMemBytes {@code CL_DEVICE_GLOBAL_MEM_SIZE}
 * @param maxWorkGroupSize {@code CL_DEVICE_MAX_WORK_GROUP_SIZE}
 * @param baseAlignBytes {@code CL_DEVICE_MEM_BASE_ADDR_ALIGN} in bytes: the alignment of a sub-buffer's origin
 */
record OpenClDevice(String id, cl_platform_id platform, cl_device_id device, DeviceInfo info, boolean gpu,
        long maxAllocBytes, long globalMemBytes, long maxWorkGroupSize, long baseAlignBytes) {

    /** Queries a device's name, type, memory sizes and versions. */
    static OpenClDevice query(int p, int d, cl_platform_id platform, cl_device_id device) {
        String id = "opencl:" + p + ":" + d;
        long type = longInfo(device, CL_DEVICE_TYPE);
        long maxAlloc = longInfo(device, CL_DEVICE_MAX_MEM_ALLOC_SIZE);
        long global = longInfo(device, CL_DEVICE_GLOBAL_MEM_SIZE);
        long wg = sizeInfo(device, CL_DEVICE_MAX_WORK_GROUP_SIZE);
        long align = Math.max(1, intInfo(device, CL_DEVICE_MEM_BASE_ADDR_ALIGN) / 8);
        Map<String, String> props = new LinkedHashMap<>();
        props.put("platform", platformString(platform, CL_PLATFORM_NAME));
        props.put("type", typeName(type));
        props.put("compute units", Integer.toString(intInfo(device, CL_DEVICE_MAX_COMPUTE_UNITS)));
        props.put("global memory", mib(global));
        props.put("max allocation", mib(maxAlloc));
        props.put("local memory", (longInfo(device, CL_DEVICE_LOCAL_MEM_SIZE) / 1024) + " KiB");
        props.put("driver version", deviceString(device, CL_DRIVER_VERSION));
        props.put("OpenCL version", deviceString(device, CL_DEVICE_VERSION));
        DeviceInfo info = new DeviceInfo(id, deviceString(device, CL_DEVICE_NAME), props);
        return new OpenClDevice(id, platform, device, info, (type & CL_DEVICE_TYPE_GPU) != 0, maxAlloc, global, wg,
                align);
    }

    private static String typeName(long type) {
        if ((type & CL_DEVICE_TYPE_GPU) != 0) {
            return "GPU";
        }
        if ((type & CL_DEVICE_TYPE_CPU) != 0) {
            return "CPU";
        }
        return (type & CL_DEVICE_TYPE_ACCELERATOR) != 0 ? "accelerator" : "other";
    }

    private static String mib(long bytes) {
        return (bytes >> 20) + " MiB";
    }

    private static long longInfo(cl_device_id device, int param) {
        long[] v = new long[1];
        clGetDeviceInfo(device, param, Sizeof.cl_ulong, Pointer.to(v), null);
        return v[0];
    }

    private static long sizeInfo(cl_device_id device, int param) {
        long[] v = new long[1];
        clGetDeviceInfo(device, param, Sizeof.size_t, Pointer.to(v), null);
        return v[0];
    }

    private static int intInfo(cl_device_id device, int param) {
        int[] v = new int[1];
        clGetDeviceInfo(device, param, Sizeof.cl_uint, Pointer.to(v), null);
        return v[0];
    }

    private static String deviceString(cl_device_id device, int param) {
        long[] size = new long[1];
        clGetDeviceInfo(device, param, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        clGetDeviceInfo(device, param, buf.length, Pointer.to(buf), null);
        return cString(buf);
    }

    private static String platformString(cl_platform_id platform, int param) {
        long[] size = new long[1];
        clGetPlatformInfo(platform, param, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        clGetPlatformInfo(platform, param, buf.length, Pointer.to(buf), null);
        return cString(buf);
    }

    private static String cString(byte[] buf) {
        int n = buf.length;
        while (n > 0 && buf[n - 1] == 0) {
            n--;
        }
        return new String(buf, 0, n, StandardCharsets.UTF_8).trim();
    }
}
