package io.gpulab.cli.lab;

/** Names the sizes an experiment runs at. */
public enum LabSize {
    /** Seconds in all: what the tests run. */
    TINY,
    /** Under a minute per experiment on two cores: the default. */
    DEFAULT,
    /** The course's full sizes (500 photos, larger images for gpu-pays): minutes. */
    FULL
}
