package io.gpulab.gpu.opencl;

import static org.jocl.CL.CL_DEVICE_TYPE_ALL;
import static org.jocl.CL.clGetDeviceIDs;
import static org.jocl.CL.clGetPlatformIDs;

import io.gpulab.api.BackendUnavailableException;
import java.util.ArrayList;
import java.util.List;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/** Lists the OpenCL platforms and devices once per process and picks the default device. */
final class OpenClDevices {

    private static List<OpenClDevice> cached;

    private OpenClDevices() {
    }

    /**
     * Returns every device of every platform, numbered {@code opencl:P:D}; turns on JOCL's exception mode first.
     *
     * @throws BackendUnavailableException when no platform or no device is found
     */
    static synchronized List<OpenClDevice> all() {
        if (cached == null) {
            CL.setExceptionsEnabled(true);
            int[] n = new int[1];
            try {
                clGetPlatformIDs(0, null, n);
            } catch (CLException e) {
                // the ICD loader reports CL_PLATFORM_NOT_FOUND_KHR when no driver is installed
                throw new BackendUnavailableException("no OpenCL platform found (" + e.getMessage()
                        + "; the OpenCL library loaded but no ICD is installed)", e);
            }
            if (n[0] == 0) {
                throw new BackendUnavailableException("no OpenCL platform found (OpenCL library loaded, 0 ICDs)");
            }
            cl_platform_id[] platforms = new cl_platform_id[n[0]];
            clGetPlatformIDs(platforms.length, platforms, null);
            List<OpenClDevice> devices = new ArrayList<>();
            for (int p = 0; p < platforms.length; p++) {
                cl_device_id[] ids = devicesOf(platforms[p]);
                for (int d = 0; d < ids.length; d++) {
                    devices.add(OpenClDevice.query(p, d, platforms[p], ids[d]));
                }
            }
            if (devices.isEmpty()) {
                throw new BackendUnavailableException("no OpenCL device found on " + platforms.length
                        + " platform(s)");
            }
            cached = List.copyOf(devices);
        }
        return cached;
    }

    /** Returns the default device: the first GPU, else the first device. */
    static OpenClDevice defaultDevice() {
        return all().stream().filter(OpenClDevice::gpu).findFirst().orElse(all().get(0));
    }

    /**
     * Returns the device with this id, or the default one for null.
     *
     * @throws BackendUnavailableException naming the valid ids when there is no such device
     */
    static OpenClDevice find(String id) {
        if (id == null || id.isEmpty() || id.equals("opencl")) {
            return defaultDevice();
        }
        return all().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow(() ->
                new BackendUnavailableException("unknown OpenCL device '" + id + "'; valid ids: "
                        + String.join(", ", all().stream().map(OpenClDevice::id).toList())));
    }

    private static cl_device_id[] devicesOf(cl_platform_id platform) {
        int[] n = new int[1];
        try {
            clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 0, null, n);
        } catch (CLException e) {
            return new cl_device_id[0]; // CL_DEVICE_NOT_FOUND: a platform without devices
        }
        cl_device_id[] ids = new cl_device_id[n[0]];
        clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, ids.length, ids, null);
        return ids;
    }
}
