package io.gpulab.api;

/** Names the standard problem sizes shared by {@code compare}, the benchmarks and the tests. */
public enum Size {
    /** Milliseconds on any backend: used by tests and self-tests. */
    TINY,
    /** About a second on two cores: the default of {@code gpulab compare}. */
    SMALL,
    /** The sizes of the peer measurements in {@code shared/peers}. */
    MEDIUM,
    /** Sizes that only make sense on many cores or a GPU. */
    LARGE
}
