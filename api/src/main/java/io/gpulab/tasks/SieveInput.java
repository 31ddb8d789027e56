package io.gpulab.tasks;

/**
 * Holds a range of integers to sieve, both ends inclusive, as primesieve counts.
 *
 * @param from the first number of the range, at least 0
 * @param to the last number of the range, at most {@link SieveTask#MAX_TO}
 * @param sink receives every prime of the range in ascending order, or null to count only
 */
public record SieveInput(long from, long to, PrimeSink sink) {

    /** Creates a range after checking its bounds; {@code from > to} is the empty range. */
    public SieveInput {
        if (from < 0) {
            throw new IllegalArgumentException("sieve range must start at 0 or above: " + from);
        }
        if (to > SieveTask.MAX_TO) {
            throw new IllegalArgumentException("sieve range end " + to + " is above the supported maximum "
                    + SieveTask.MAX_TO);
        }
    }

    /** Returns the input that counts the primes of {@code [from, to]} without listing them. */
    public static SieveInput count(long from, long to) {
        return new SieveInput(from, to, null);
    }

    /** Returns the number of integers in the range, 0 when empty. */
    public long length() {
        return to < from ? 0 : to - from + 1;
    }
}
