package io.gpulab.bench.report;

import java.util.List;

/**
 * Holds the facts the report shows about one machine, read from its environment record.
 *
 * @param label the name the report uses for the machine (its host, or the label of a fixture)
 * @param cpu the CPU model
 * @param cores physical and logical cores, as text
 * @param memory the installed memory, as text
 * @param os the operating system
 * @param jvm the JVM name and version
 * @param devices one line per backend: available or not (with the reason) and its devices with their drivers
 * @param gpulab the gpulab version and commit
 * @param date when the environment was recorded
 */
public record Machine(String label, String cpu, String cores, String memory, String os, String jvm,
        List<String> devices, String gpulab, String date) {

    /** Creates a machine record with an immutable device list. */
    public Machine {
        devices = List.copyOf(devices);
    }
}
