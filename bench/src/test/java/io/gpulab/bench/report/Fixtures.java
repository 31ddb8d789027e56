package io.gpulab.bench.report;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Finds the fake two-machine results under test resources (see fixtures/README.md). */
final class Fixtures {

    private Fixtures() {
    }

    static Path dir(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name + "/jmh-result.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
