package io.gpulab.cli;

import io.gpulab.api.PathJob;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@link PathJob} of the command, which also knows how to check its outcomes against {@code seq} on the command's
 * own machine, reading the same paths.
 */
abstract class FilePathJob implements PathJob {

    private static final long serialVersionUID = 1L;

    private final String[] paths;

    /** Creates the job over these files. */
    FilePathJob(List<Path> paths) {
        this.paths = paths.stream().map(Path::toString).toArray(String[]::new);
    }

    @Override
    public int size() {
        return paths.length;
    }

    @Override
    public String path(int i) {
        return paths[i];
    }

    /** Returns file {@code i} as a path of this JVM. */
    Path file(int i) {
        return Path.of(paths[i]);
    }

    /** Runs {@code seq} here on the files whose outcomes have no error and checks them through the verifier. */
    abstract void verify(Verifier verifier, List<Outcome> outcomes);
}
