package io.vidscore.rhythm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BeatAlignerTest {
    /** Clicks (decaying noise bursts) at {@code bpm} starting at {@code firstS}, at 32 kHz like MusicGen's output. */
    private static float[] clicks(double bpm, double firstS, double seconds) {
        int rate = 32_000;
        float[] x = new float[(int) (seconds * rate)];
        SplittableRandom r = new SplittableRandom(3);
        for (double t = firstS; t < seconds; t += 60 / bpm) {
            int at = (int) Math.round(t * rate);
            for (int i = 0; i < 800 && at + i < x.length; i++) {
                x[at + i] += (float) ((r.nextDouble() * 2 - 1) * 0.7 * Math.exp(-i / 120.0));
            }
        }
        return x;
    }

    @Test
    void stretchAndShiftPutAClickTrackOnTheVideoGrid() {
        double duration = 12;
        double gridBpm = 120;
        double origin = 0.5;
        float[] music = clicks(125, 0.21, duration + BeatAligner.headroomS(duration, gridBpm));
        BeatAligner.Result r = BeatAligner.align(music, 32_000, duration, gridBpm, origin);
        System.out.printf("click track 125 BPM on a 120 BPM grid: stretch %.4f, shift %.3f s, F before %.3f, after %.3f%n",
                r.stretch(), r.shiftS(), r.fBefore(), r.fAfter());
        assertEquals((int) (duration * 48_000), r.audio().length);
        assertEquals(125.0 / 120.0, r.stretch(), 0.01, "stretch to the grid's tempo");
        assertTrue(r.fBefore() < 0.6, "unaligned clicks drift off the grid: F " + r.fBefore());
        assertTrue(r.fAfter() >= 0.9, "aligned F " + r.fAfter());
    }

    @Test
    void tempoTooFarAwayIsOnlyShifted() {
        double duration = 8;
        float[] music = clicks(140, 0.33, duration + BeatAligner.headroomS(duration, 100));
        BeatAligner.Result r = BeatAligner.align(music, 32_000, duration, 100, 0.2);
        assertEquals(1.0, r.stretch(), 0.0, "140 vs 100 BPM is beyond ±8 %: no stretch");
    }

    @Test
    void gridExtendsBothWaysFromTheOrigin() {
        double[] g = BeatAligner.grid(3, 120, 1.2);
        assertEquals(6, g.length);
        assertEquals(0.2, g[0], 1e-9);
        assertEquals(2.7, g[5], 1e-9);
    }
}
