package io.gpulab.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads what the CPU backends report about the processor they run on. */
public final class CpuInfo {

    private static volatile String model;

    private CpuInfo() {
    }

    /** Returns the processor's model name from /proc/cpuinfo, or the OS architecture where that is unreadable. */
    public static String modelName() {
        String m = model;
        if (m == null) {
            m = System.getProperty("os.arch");
            try {
                for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                    if (line.startsWith("model name")) {
                        m = line.substring(line.indexOf(':') + 1).trim();
                        break;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux, or /proc hidden: the architecture name is the best we have
            }
            model = m;
        }
        return m;
    }

    /** Returns the facts a CPU device listing shows for a backend that uses {@code threads} threads. */
    public static Map<String, String> properties(int threads) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("type", "CPU");
        p.put("logical processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
        p.put("threads used", Integer.toString(threads));
        p.put("max heap", (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
        return p;
    }
}
