package io.gpulab.cli.lab;

/** Defines one experiment of {@code gpulab lab}: its id, its title, and how it measures and concludes. */
public interface Experiment {

    /** Returns the id a user types after {@code gpulab lab}. */
    String id();

    /** Returns the experiment's title, one line. */
    String title();

    /** Runs the experiment at the context's size and returns its measured, verified and judged result. */
    LabResult run(LabContext context) throws Exception;
}
