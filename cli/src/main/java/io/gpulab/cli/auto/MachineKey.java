package io.gpulab.cli.auto;

import io.gpulab.api.Availability;
import io.gpulab.api.BackendProvider;
import io.gpulab.api.DeviceInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the key a calibration is stored under: gpulab's version, the CPU model and processor count, the OS and JVM,
 * and every available backend's devices with their names and driver versions. A change to any of them makes the
 * stored calibration stale.
 */
public final class MachineKey {

    private MachineKey() {
    }

    /** Returns the key of this machine with these (already probed or cheap to probe) providers. */
    public static String of(List<BackendProvider> providers) {
        StringBuilder sb = new StringBuilder();
        sb.append("gpulab ").append(version());
        sb.append("; cpu ").append(cpuModel()).append(" x").append(Runtime.getRuntime().availableProcessors());
        sb.append("; os ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"));
        sb.append("; java ").append(System.getProperty("java.vm.version"));
        for (BackendProvider p : providers) {
            Availability a;
            try {
                a = p.probe();
            } catch (RuntimeException | LinkageError e) {
                continue;
            }
            if (!a.available()) {
                continue;
            }
            sb.append("; ").append(p.id()).append(" [");
            for (DeviceInfo d : a.devices()) {
                sb.append(d.id()).append(' ').append(d.name());
                Map<String, String> drivers = new TreeMap<>();
                d.properties().forEach((k, v) -> {
                    if (k.contains("driver") || k.contains("version") || k.contains("compute")) {
                        drivers.put(k, v);
                    }
                });
                if (!drivers.isEmpty()) {
                    sb.append(' ').append(drivers);
                }
                sb.append(',');
            }
            sb.append(']');
        }
        return sb.toString();
    }

    /** Returns the first 16 hex digits of the key's SHA-256, for the calibration's file name. */
    public static String hash(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Returns gpulab's version from the jar's manifest, or {@code development build} outside a jar. */
    static String version() {
        String v = MachineKey.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc is hidden: the architecture and processor count still tell machines apart
        }
        return System.getProperty("os.arch");
    }
}
