package io.gpulab.cpu.sieve;

/**
 * Holds the tables of the mod-30 wheel: byte {@code b} of a sieve stands for the numbers {@code 30b + r} with r one
 * of the 8 residues coprime to 30, bit i for the i-th residue, so that bits in byte order are numbers in order.
 */
final class Wheel30 {

    /** The residues coprime to 30, ascending; bit i of a byte stands for {@code RESIDUES[i]}. */
    static final int[] RESIDUES = {1, 7, 11, 13, 17, 19, 23, 29};

    /** Maps a residue mod 30 to its bit index, or -1 for residues that share a factor with 30. */
    static final int[] INDEX_OF = new int[30];

    /** Gives, per residue mod 30, how far the next residue coprime to 30 lies (0 when already coprime). */
    static final int[] TO_NEXT = new int[30];

    /** Gives, per wheel index wi, the step from {@code RESIDUES[wi]} to the next coprime residue. */
    static final int[] GAP = new int[8];

    /**
     * Gives, per {@code ri * 8 + wi} for a prime p = 30q + RESIDUES[ri] and a multiplier k = RESIDUES[wi] mod 30,
     * the bit that the multiple p * k occupies in its byte.
     */
    static final byte[] BIT = new byte[64];

    /**
     * Gives, per {@code ri * 8 + wi}, the byte distance from p * k to p * k' (k' the next multiplier coprime to 30)
     * beyond {@code q * GAP[wi]}.
     */
    static final int[] CARRY = new int[64];

    static {
        java.util.Arrays.fill(INDEX_OF, -1);
        for (int i = 0; i < 8; i++) {
            INDEX_OF[RESIDUES[i]] = i;
        }
        for (int x = 0; x < 30; x++) {
            int d = 0;
            while (INDEX_OF[(x + d) % 30] < 0) {
                d++;
            }
            TO_NEXT[x] = d;
        }
        for (int wi = 0; wi < 8; wi++) {
            int next = wi == 7 ? 31 : RESIDUES[wi + 1];
            GAP[wi] = next - RESIDUES[wi];
            for (int ri = 0; ri < 8; ri++) {
                int r = RESIDUES[ri];
                BIT[ri * 8 + wi] = (byte) (1 << INDEX_OF[r * RESIDUES[wi] % 30]);
                CARRY[ri * 8 + wi] = r * next / 30 - r * RESIDUES[wi] / 30;
            }
        }
    }

    private Wheel30() {
    }

    /** Returns the bits of a byte that stand for numbers below {@code 30 * byteIndex + residue}, residue 0..30. */
    static int bitsBelow(int residue) {
        int bits = 0;
        for (int i = 0; i < 8; i++) {
            if (RESIDUES[i] < residue) {
                bits |= 1 << i;
            }
        }
        return bits;
    }
}
