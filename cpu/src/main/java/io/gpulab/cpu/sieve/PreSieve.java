package io.gpulab.cpu.sieve;

/**
 * Pre-sieves the multiples of 7, 11, 13, 17 and 19 by copying a periodic pattern instead of crossing them off:
 * on the mod-30 wheel their multiples repeat every 7 * 11 * 13 * 17 * 19 bytes, and these primes would cost the
 * most crossing-off work of all.
 */
final class PreSieve {

    /** The primes whose multiples the pattern marks. */
    static final int[] PRIMES = {7, 11, 13, 17, 19};

    /** The smallest prime not covered by the pattern, which is the first sieving prime. */
    static final int FIRST_SIEVING_PRIME = 23;

    private static final int PERIOD = 7 * 11 * 13 * 17 * 19;

    /** The pattern, one segment longer than its period so that every copy is a single arraycopy. */
    private static final byte[] PATTERN = build(PERIOD + SegmentSieve.SEGMENT_BYTES);

    private PreSieve() {
    }

    /** Copies the pattern for the n bytes starting at absolute byte {@code absByte} into {@code segment}. */
    static void fill(byte[] segment, long absByte, int n) {
        System.arraycopy(PATTERN, (int) (absByte % PERIOD), segment, 0, n);
    }

    private static byte[] build(int length) {
        byte[] pattern = new byte[length];
        for (int p : PRIMES) {
            // multiples of p coprime to 30: the bit pattern of p repeats every p bytes
            for (int b = 0; b < p; b++) {
                for (int i = 0; i < 8; i++) {
                    if ((30 * b + Wheel30.RESIDUES[i]) % p == 0) {
                        for (int at = b; at < length; at += p) {
                            pattern[at] |= (byte) (1 << i);
                        }
                    }
                }
            }
        }
        return pattern;
    }
}
