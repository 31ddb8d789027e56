package io.gpulab.gpu.cuda;

import io.gpulab.api.BackendException;
import io.gpulab.api.BackendUnavailableException;
import io.gpulab.api.Phase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jcuda.CudaException;
import jcuda.Pointer;
import jcuda.driver.CUjit_option;
import jcuda.driver.CUmodule;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;
import jcuda.driver.JITOptions;
import jcuda.nvrtc.JNvrtc;
import jcuda.nvrtc.nvrtcProgram;

/**
 * Loads the module of one kernel source: the shipped fatbin (sm_80 and sm_90 machine code, so those GPUs start
 * without JIT, and the PTX for any other), else the shipped PTX, JIT-compiled by the driver for the device at hand,
 * or, when the driver is too old for the PTX, the same source compiled at run time by NVRTC where it is installed.
 */
final class CudaModules {

    /** The class-path folder of the shared kernel sources. */
    static final String KERNELS = "/io/gpulab/kernels/";
    /** The class-path folder of the shipped PTX. */
    static final String PTX = KERNELS + "ptx/";
    /** The portability header every kernel source is compiled with. */
    static final String HEADER = "gpulab_portable.h";

    private static final int LOG_BYTES = 16 * 1024;
    private static final Pattern DEFAULT = Pattern.compile("#ifndef (\\w+)\\s*\\R#define \\1 (\\S+)");

    private CudaModules() {
    }

    /**
     * Loads a module into the current context and adds its load time to the setup phases.
     *
     * @param module the kernel source name without extension
     * @param computeCapability the device's {@code major * 10 + minor}, the NVRTC target
     * @throws BackendUnavailableException when neither the PTX nor NVRTC can produce the module
     */
    static CUmodule load(String module, int computeCapability, Map<Phase, Double> setupPhases) {
        byte[] fatbin = optionalResource(PTX + module + ".fatbin");
        if (fatbin != null) {
            long tf = System.nanoTime();
            try {
                CUmodule m = new CUmodule();
                JCudaDriver.cuModuleLoadFatBinary(m, fatbin);
                setupPhases.merge(Phase.MODULE_LOAD, (System.nanoTime() - tf) / 1e9, Double::sum);
                return m;
            } catch (CudaException e) {
                // a driver older than the toolkit that built the fatbin may refuse it; the plain PTX path follows,
                // and the refused attempt counts as module loading
                setupPhases.merge(Phase.MODULE_LOAD, (System.nanoTime() - tf) / 1e9, Double::sum);
            }
        }
        byte[] ptx = resource(PTX + module + ".ptx");
        long t0 = System.nanoTime();
        try {
            CUmodule m = loadPtx(module, ptx);
            setupPhases.merge(Phase.MODULE_LOAD, (System.nanoTime() - t0) / 1e9, Double::sum);
            return m;
        } catch (CudaException e) {
            if (CudaErrors.code(e) != CUresult.CUDA_ERROR_UNSUPPORTED_PTX_VERSION) {
                throw e;
            }
        }
        String tooOld = "the CUDA driver (CUDA " + CudaErrors.cudaVersion(CudaDriver.driverVersion())
                + ") cannot load the shipped PTX of " + module + " (" + ptxVersion(ptx) + ": "
                + CudaErrors.describe(CUresult.CUDA_ERROR_UNSUPPORTED_PTX_VERSION) + ")";
        long t1 = System.nanoTime();
        byte[] compiled = compileWithNvrtc(module, computeCapability, tooOld);
        setupPhases.merge(Phase.NVRTC_COMPILE, (System.nanoTime() - t1) / 1e9, Double::sum);
        long t2 = System.nanoTime();
        CUmodule m = loadPtx(module, compiled);
        setupPhases.merge(Phase.MODULE_LOAD, (System.nanoTime() - t2) / 1e9, Double::sum);
        return m;
    }

    /** Loads PTX text, turning a JIT failure other than an unsupported version into an error with the JIT log. */
    private static CUmodule loadPtx(String module, byte[] ptx) {
        byte[] terminated = Arrays.copyOf(ptx, ptx.length + 1);
        JITOptions options = new JITOptions();
        options.putBytes(CUjit_option.CU_JIT_ERROR_LOG_BUFFER, new byte[LOG_BYTES]);
        options.putInt(CUjit_option.CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES, LOG_BYTES);
        CUmodule m = new CUmodule();
        try {
            JCudaDriver.cuModuleLoadDataJIT(m, Pointer.to(terminated), options);
            return m;
        } catch (CudaException e) {
            if (CudaErrors.code(e) == CUresult.CUDA_ERROR_UNSUPPORTED_PTX_VERSION) {
                throw e;
            }
            String log = jitLog(options);
            throw new BackendException("cuda: the driver could not JIT-compile the PTX of " + module + ": "
                    + CudaErrors.describe(CudaErrors.code(e)) + (log.isEmpty() ? "" : "; JIT log: " + log), e);
        }
    }

    private static String jitLog(JITOptions options) {
        try {
            String s = options.getString(CUjit_option.CU_JIT_ERROR_LOG_BUFFER);
            return s == null ? "" : s.trim().replace('\n', ' ');
        } catch (RuntimeException e) {
            return "";
        }
    }

    /**
     * Compiles the header and the kernel source with NVRTC for this compute capability.
     *
     * @throws BackendUnavailableException when NVRTC is not installed, naming why the PTX could not be used
     */
    private static byte[] compileWithNvrtc(String module, int computeCapability, String tooOld) {
        String source = new String(resource(KERNELS + HEADER), StandardCharsets.UTF_8) + "\n"
                + new String(resource(KERNELS + module + ".cl"), StandardCharsets.UTF_8);
        try {
            JNvrtc.setExceptionsEnabled(true);
            nvrtcProgram program = new nvrtcProgram();
            JNvrtc.nvrtcCreateProgram(program, source, module + ".cu", 0, null, null);
            try {
                String[] opts = {"--gpu-architecture=compute_" + computeCapability, "-std=c++14"};
                try {
                    JNvrtc.nvrtcCompileProgram(program, opts.length, opts);
                } catch (CudaException e) {
                    String[] log = new String[1];
                    JNvrtc.nvrtcGetProgramLog(program, log);
                    throw new BackendException("cuda: NVRTC could not compile " + module + ".cl: "
                            + (log[0] == null ? e.getMessage() : log[0].trim().replace('\n', ' ')), e);
                }
                String[] ptx = new String[1];
                JNvrtc.nvrtcGetPTX(program, ptx);
                return ptx[0].getBytes(StandardCharsets.US_ASCII);
            } finally {
                JNvrtc.nvrtcDestroyProgram(program);
            }
        } catch (LinkageError e) {
            throw new BackendUnavailableException(tooOld + ", and NVRTC is not installed to compile the source at "
                    + "run time (" + CudaErrors.loadFailure(e) + "); update the NVIDIA driver", e);
        }
    }

    /**
     * Returns the compile-time constants the shipped PTX of a module was built with: {@code build-ptx.sh} passes
     * no {@code -D}, so they are the defaults of the source's {@code #ifndef X / #define X value} pairs.
     */
    static Map<String, String> defines(String module) {
        String source = new String(resource(KERNELS + module + ".cl"), StandardCharsets.UTF_8);
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = DEFAULT.matcher(source);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    /** Returns the {@code .version} line of PTX text, such as {@code PTX ISA 8.0}. */
    static String ptxVersion(byte[] ptx) {
        for (String line : new String(ptx, StandardCharsets.US_ASCII).split("\n")) {
            if (line.startsWith(".version ")) {
                return "PTX ISA " + line.substring(".version ".length()).trim();
            }
        }
        return "PTX of unknown version";
    }

    /** Returns a class-path resource's bytes, or null when it is not there. */
    static byte[] optionalResource(String path) {
        try (InputStream in = CudaModules.class.getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Returns the bytes of a class-path resource. */
    static byte[] resource(String path) {
        try (InputStream in = CudaModules.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new BackendException("cuda: resource " + path + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
