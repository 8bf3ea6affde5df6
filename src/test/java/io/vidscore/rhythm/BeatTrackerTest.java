package io.vidscore.rhythm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BeatTrackerTest {
    @Test
    void tracksJitteredNoisyPulsesFromEstimatedTempo() {
        for (double rate : new double[] {30, 100}) {
            for (double bpm : new double[] {72, 95, 128, 140, 170}) {
                double duration = 30;
                double[] truth = Envelopes.grid(bpm, 0.61, duration);
                float[] env = Envelopes.impulses(truth, duration, rate, 0.012, 0.4, 7);
                TempoEstimate tempo = TempoEstimator.estimate(env, rate);
                double[] beats = BeatTracker.track(env, rate, tempo.bpm());
                double f = BeatMetrics.fMeasure(truth, beats, 0.07);
                System.out.printf("track %5.0f BPM @%3.0f Hz: F %.3f, offset %+.1f ms, %d/%d beats%n",
                        bpm, rate, f, 1000 * BeatMetrics.meanOffsetS(truth, beats, 0.07), beats.length, truth.length);
                assertTrue(f >= 0.9, "F-measure " + f + " at " + bpm + " BPM, " + rate + " Hz");
            }
        }
    }

    @Test
    void beatsAreAscendingAndInsideTheEnvelope() {
        double[] truth = Envelopes.grid(110, 2.0, 18);
        float[] env = Envelopes.impulses(truth, 20, 100, 0.005, 0.05, 3);
        double[] beats = BeatTracker.track(env, 100, 110);
        assertTrue(beats.length > 0);
        for (int i = 1; i < beats.length; i++) {
            assertTrue(beats[i] > beats[i - 1]);
        }
        // Silence before 2 s and after 18 s: no invented beats there.
        assertTrue(beats[0] > 2.0 - 0.07, "first beat " + beats[0]);
        assertTrue(beats[beats.length - 1] < 18.0 + 0.07, "last beat " + beats[beats.length - 1]);
        assertEquals(1.0, BeatMetrics.fMeasure(truth, beats, 0.07), 0.05);
    }

    @Test
    void flatEnvelopeGivesNoBeats() {
        assertEquals(0, BeatTracker.track(new float[2000], 100, 120).length);
        assertEquals(0, BeatTracker.track(new float[0], 100, 120).length);
    }
}
