package io.gpulab.bench;

import io.gpulab.tasks.Sha256Input;

/** Names the SHA-256 benchmark sizes: the peers' batch of 10^6 64-byte messages, and a quick one. */
public enum Sha256Size implements BenchSize<Sha256Input> {
    /** 10^4 messages of 64 bytes, hashed once, for {@code --quick}. */
    QUICK(10_000),
    /** 10^6 messages of 64 bytes, hashed once, as the peers measured. */
    MESSAGES_1M_64B(1_000_000);

    private static final int LENGTH = 64;

    private final int count;

    Sha256Size(int count) {
        this.count = count;
    }

    @Override
    public Sha256Input input(long seed) {
        return new Sha256Input.Synthetic(count, LENGTH, 1, seed);
    }

    @Override
    public long workUnits() {
        return count;
    }

    @Override
    public String label() {
        return count + " x " + LENGTH + "-byte messages";
    }
}
