package io.gpulab.cli.lab;

import java.util.List;
import java.util.Optional;

/** Lists the experiments of {@code gpulab lab} in the course's order and finds one by id. */
public final class Experiments {

    private Experiments() {
    }

    /** Returns every experiment, in the order {@code gpulab lab all} runs them. */
    public static List<Experiment> all() {
        return List.of(new IoVsCpu(), new PrimesInFour(), new BlurPhotos(), new GpuPays(), new WhichTool());
    }

    /** Returns the experiment with this id, if any. */
    public static Optional<Experiment> find(String id) {
        return all().stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
