package io.gpulab.tasks;

import io.gpulab.api.Size;
import io.gpulab.api.Task;
import io.gpulab.api.Verdict;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Hashes a batch of messages with SHA-256; compared exactly, digest by digest where the output has them, then by the
 * batch's {@link Sha256Fold}.
 */
public final class Sha256Task implements Task<Sha256Input, Sha256Output> {

    Sha256Task() {
    }

    @Override
    public String id() {
        return "sha256";
    }

    @Override
    public String unit() {
        return "hashes";
    }

    @Override
    public Sha256Input input(Size size, long seed) {
        return switch (size) {
            case TINY -> new Sha256Input.Synthetic(1_000, 64, 1, seed);
            case SMALL -> new Sha256Input.Synthetic(1_000_000, 64, 1, seed);
            case MEDIUM -> new Sha256Input.Synthetic(1_000_000, 64, 10, seed);
            case LARGE -> new Sha256Input.Synthetic(10_000_000, 64, 10, seed);
        };
    }

    /** Counts hashes: messages times iterations (a multi-block message counts once per iteration). */
    @Override
    public long workUnits(Sha256Input input) {
        return (long) input.count() * input.iterations();
    }

    @Override
    public Verdict compare(Sha256Output expected, Sha256Output actual) {
        int n = Math.min(expected.digests().size(), actual.digests().size());
        long mismatches = Math.abs(expected.digests().size() - actual.digests().size());
        String first = mismatches == 0 ? null : "digest count " + actual.digests().size() + ", expected "
                + expected.digests().size();
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < n; i++) {
            if (!Arrays.equals(expected.digests().get(i), actual.digests().get(i))) {
                if (mismatches == 0) {
                    first = "message " + i + ": " + hex.formatHex(actual.digests().get(i)) + ", expected "
                            + hex.formatHex(expected.digests().get(i));
                }
                mismatches++;
            }
        }
        if (!Arrays.equals(expected.fold(), actual.fold())) {
            if (mismatches == 0) {
                first = "fold " + hex.formatHex(actual.fold()) + ", expected " + hex.formatHex(expected.fold());
            }
            mismatches = Math.max(mismatches, 1);
        }
        return mismatches == 0 ? Verdict.match() : Verdict.mismatch(mismatches, first);
    }
}
