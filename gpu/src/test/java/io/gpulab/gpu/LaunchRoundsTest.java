package io.gpulab.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Checks how many launches share one download round. */
class LaunchRoundsTest {

    @Test
    void aRoundHoldsWhatTheBudgetAndTheJobAllow() {
        assertEquals(10, LaunchRounds.perRound(131072, 512L << 20, 256, 10), "10^7 sha256 messages: one round");
        assertEquals(4, LaunchRounds.perRound(8192, 32768, 128, 100));
        assertEquals(1, LaunchRounds.perRound(1024, 1024, 128, 20), "a launch filling the budget rounds alone");
        assertEquals(1, LaunchRounds.perRound(1024, 1000, 128, 20), "at least one launch per round");
    }

    @Test
    void offsetsThatBreakTheAlignmentGiveOneLaunchPerRound() {
        assertEquals(1, LaunchRounds.perRound(336, 1 << 20, 128, 1000));
        assertEquals(1, LaunchRounds.perRound(0, 1 << 20, 128, 1000));
    }
}
