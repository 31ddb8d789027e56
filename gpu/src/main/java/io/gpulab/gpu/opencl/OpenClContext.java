package io.gpulab.gpu.opencl;

import static org.jocl.CL.CL_PROGRAM_BUILD_LOG;
import static org.jocl.CL.clBuildProgram;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clCreateProgramWithSource;
import static org.jocl.CL.clGetProgramBuildInfo;
import static org.jocl.CL.clReleaseProgram;

import io.gpulab.api.BackendException;
import io.gpulab.gpu.KernelSources;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_program;

/**
 * The process-wide OpenCL context of one device and its program cache: each program is built once per device,
 * source and options, and lives (like the context) until the process ends, so that later backends and kernels
 * on the device pay no compile.
 */
final class OpenClContext {

    /**
     * One cached program.
     *
     * @param program the built program
     * @param coldBuildSeconds the wall-clock seconds its one build took
     */
    record Program(cl_program program, double coldBuildSeconds) {
    }

    private static final Map<String, OpenClContext> CONTEXTS = new HashMap<>();

    private final OpenClDevice device;
    private final cl_context context;
    private final Map<String, Program> programs = new HashMap<>();

    private OpenClContext(OpenClDevice device) {
        this.device = device;
        this.context = clCreateContext(null, 1, new cl_device_id[] {device.device()}, null, null, null);
    }

    /** Returns the context of this device, creating it on first use. */
    static synchronized OpenClContext of(OpenClDevice device) {
        return CONTEXTS.computeIfAbsent(device.id(), k -> new OpenClContext(device));
    }

    /** Returns the device. */
    OpenClDevice device() {
        return device;
    }

    /** Returns the OpenCL context handle. */
    cl_context context() {
        return context;
    }

    /** Returns the program of a kernel resource compiled with the portability header, building it on first use. */
    Program program(String resource, String options) {
        return program(resource, () -> KernelSources.load(resource), options);
    }

    /**
     * Returns the program named {@code name}, building {@code source} (after the portability header) with these
     * options on first use.
     *
     * @throws BackendException with the build log when the build fails
     */
    synchronized Program program(String name, java.util.function.Supplier<String> source, String options) {
        String key = name + " " + options;
        Program cached = programs.get(key);
        if (cached != null) {
            return cached;
        }
        String[] sources = {KernelSources.load(KernelSources.HEADER), source.get()};
        long start = System.nanoTime();
        cl_program program = clCreateProgramWithSource(context, sources.length, sources, null, null);
        try {
            clBuildProgram(program, 1, new cl_device_id[] {device.device()}, options, null, null);
        } catch (CLException e) {
            String log = buildLog(program);
            clReleaseProgram(program);
            throw new BackendException("OpenCL build of " + name + " failed on " + device.id() + " ("
                    + device.info().name() + "), options '" + options + "': " + CL.stringFor_errorCode(e.getStatus())
                    + "; build log: " + oneLine(log), e);
        }
        Program built = new Program(program, (System.nanoTime() - start) / 1e9);
        programs.put(key, built);
        return built;
    }

    private String buildLog(cl_program program) {
        long[] size = new long[1];
        clGetProgramBuildInfo(program, device.device(), CL_PROGRAM_BUILD_LOG, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        clGetProgramBuildInfo(program, device.device(), CL_PROGRAM_BUILD_LOG, buf.length, Pointer.to(buf), null);
        int n = buf.length;
        while (n > 0 && buf[n - 1] == 0) {
            n--;
        }
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }

    private static String oneLine(String log) {
        String s = log.strip().replaceAll("\\s*\\R\\s*", " | ");
        return s.length() > 4000 ? s.substring(0, 4000) + " ..." : s;
    }
}
