package io.vidscore.rhythm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TempoEstimatorTest {
    private static final double[] TEMPI = {72, 95, 128, 140, 170};
    private static final double[] RATES = {30, 100};

    @Test
    void cleanImpulseTrainsAreWithinTwoPercent() {
        for (double rate : RATES) {
            for (double bpm : TEMPI) {
                float[] env = Envelopes.impulses(Envelopes.grid(bpm, 0.37, 30), 30, rate, 0, 0, 1);
                TempoEstimate t = TempoEstimator.estimate(env, rate);
                System.out.printf("clean %5.0f BPM @%3.0f Hz -> %.2f (err %.2f%%, conf %.2f)%n",
                        bpm, rate, t.bpm(), 100 * (t.bpm() / bpm - 1), t.confidence());
                assertEquals(bpm, t.bpm(), 0.02 * bpm, "tempo at " + rate + " Hz");
                assertTrue(t.rhythmic());
                assertTrue(t.confidence() > 0.7, "a clean pulse is a confident pulse: " + t.confidence());
            }
        }
    }

    @Test
    void jitteredNoisyImpulseTrainsAreWithinTwoPercent() {
        for (double rate : RATES) {
            for (double bpm : TEMPI) {
                for (long seed = 1; seed <= 3; seed++) {
                    float[] env = Envelopes.impulses(Envelopes.grid(bpm, 0.8, 25), 25, rate, 0.012, 0.4, seed);
                    TempoEstimate t = TempoEstimator.estimate(env, rate);
                    System.out.printf("noisy %5.0f BPM @%3.0f Hz seed %d -> %.2f (err %.2f%%, conf %.2f)%n",
                            bpm, rate, seed, t.bpm(), 100 * (t.bpm() / bpm - 1), t.confidence());
                    assertEquals(bpm, t.bpm(), 0.02 * bpm, "tempo at " + rate + " Hz, seed " + seed);
                    assertTrue(t.rhythmic());
                }
            }
        }
    }

    @Test
    void flatEnvelopeIsNotRhythmic() {
        TempoEstimate zero = TempoEstimator.estimate(new float[3000], 100);
        float[] constant = new float[900];
        java.util.Arrays.fill(constant, 0.7f);
        TempoEstimate flat = TempoEstimator.estimate(constant, 30);
        assertFalse(zero.rhythmic());
        assertFalse(flat.rhythmic());
        assertEquals(0, flat.confidence());
        assertTrue(flat.bpm() >= 60 && flat.bpm() <= 180, "still a usable guess");
    }

    @Test
    void whiteNoiseIsNotRhythmic() {
        double worstMargin = Double.NEGATIVE_INFINITY;
        for (double rate : RATES) {
            for (double seconds : new double[] {4, 10, 60}) {
                for (long seed = 1; seed <= 10; seed++) {
                    TempoEstimate t = TempoEstimator.estimate(Envelopes.whiteNoise(seconds, rate, seed), rate);
                    worstMargin = Math.max(worstMargin, t.confidence() - TempoEstimator.rhythmicThreshold(seconds));
                    assertFalse(t.rhythmic(), seconds + " s of noise at " + rate + " Hz, seed " + seed
                            + " confidence " + t.confidence());
                    assertTrue(t.bpm() >= 60 && t.bpm() <= 180);
                }
            }
        }
        System.out.printf("white noise: closest approach to the rhythmic threshold %.3f%n", worstMargin);
    }

    @Test
    void shortButClearPulseIsRhythmic() {
        // A 6-second clip is a realistic video length; a clear pulse there must still count.
        float[] env = Envelopes.impulses(Envelopes.grid(100, 0.2, 6), 6, 30, 0.01, 0.3, 2);
        TempoEstimate t = TempoEstimator.estimate(env, 30);
        assertTrue(t.rhythmic(), "confidence " + t.confidence());
        assertEquals(100, t.bpm(), 2);
    }

    @Test
    void tooShortEnvelopeIsNotRhythmic() {
        float[] env = Envelopes.impulses(Envelopes.grid(120, 0, 3), 3, 100, 0, 0, 1);
        assertFalse(TempoEstimator.estimate(env, 100).rhythmic());
    }
}
