package io.gpulab.cli.lab;

/**
 * Holds a computed verdict: how a measured speedup stands against one expectation, and the reason in words.
 *
 * @param expectation what was expected
 * @param outcome matches, differs, or inconclusive when the machine was too busy to tell
 * @param speedup the speedup of the medians
 * @param low the least favourable speedup over the repeats (slowest candidate against fastest baseline)
 * @param high the most favourable one
 * @param reason the verdict in one sentence, with the numbers that decided it
 */
public record Judgment(Expectation expectation, Outcome outcome, double speedup, double low, double high,
        String reason) {

    /** The three outcomes of a verdict. */
    public enum Outcome {
        /** The measured speedup lies within the expected band. */
        MATCHES,
        /** The measured speedup lies outside the expected band. */
        DIFFERS,
        /** The repeats disagree too much to tell: the machine was busy. */
        INCONCLUSIVE;

        /** Returns the outcome as a sheet shows it. */
        public String word() {
            return switch (this) {
                case MATCHES -> "matches";
                case DIFFERS -> "differs";
                case INCONCLUSIVE -> "inconclusive";
            };
        }
    }

    /** Returns "course: matches (...)": the verdict line of a sheet. */
    public String line() {
        return expectation.source() + ": " + outcome.word() + " - " + reason;
    }
}
