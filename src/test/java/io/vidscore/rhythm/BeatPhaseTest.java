package io.vidscore.rhythm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BeatPhaseTest {
    @Test
    void aStrayFirstBeatDoesNotMoveTheGrid() {
        double[] beats = {0.133, 0.506, 0.995, 1.475, 1.987, 2.479, 3.012, 3.477, 3.982, 4.492, 4.993};
        double origin = BeatPhase.origin(beats, 120);
        double off = origin / 0.5 - Math.rint(origin / 0.5);
        assertEquals(0, off * 0.5, 0.02, "grid on the multiples of 0.5 s, origin " + origin);
        assertEquals(0.0, origin, 0.26, "starts where the beats start");
    }

    @Test
    void anExactGridIsKept() {
        double[] beats = {0.37, 0.87, 1.37, 1.87};
        assertEquals(0.37, BeatPhase.origin(beats, 120), 1e-9);
    }

    @Test
    void phaseWrapsAcrossThePeriod() {
        // Beats jitter either side of the multiples of 0.5 s: the mean must not land half a period away.
        double[] beats = {0.49, 1.01, 1.49, 2.01, 2.49, 3.01};
        assertEquals(0.5, BeatPhase.origin(beats, 120), 0.01);
    }

    @Test
    void noBeatsNoOrigin() {
        assertEquals(0, BeatPhase.origin(new double[0], 100));
    }
}
