package io.gpulab.bench.report;

import io.gpulab.bench.run.Skip;
import java.util.List;

/**
 * Holds everything one results directory holds: the machine, its measurements and the combinations it skipped.
 *
 * @param machine the machine
 * @param measurements the measured combinations
 * @param skipped the combinations not measured, with reasons
 */
public record MachineResults(Machine machine, List<Measurement> measurements, List<Skip> skipped) {

    /** Creates the results with immutable lists. */
    public MachineResults {
        measurements = List.copyOf(measurements);
        skipped = List.copyOf(skipped);
    }

    /** Returns a copy under another label, to tell apart two directories recorded on the same host. */
    public MachineResults relabel(String label) {
        Machine m = new Machine(label, machine.cpu(), machine.cores(), machine.memory(), machine.os(), machine.jvm(),
                machine.devices(), machine.gpulab(), machine.date());
        return new MachineResults(m, measurements.stream().map(x -> new Measurement(label, x.task(), x.backend(),
                x.size(), x.msPerOp(), x.errorMs(), x.ciLowMs(), x.ciHighMs(), x.samples(), x.workUnits(),
                x.phasesMs(), x.compileMs())).toList(), skipped);
    }
}
