package io.vidscore.rhythm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vidscore.audio.PcmSink;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AudioOnsetTrackerTest {
    private static final int BLOCK = 4096;

    /** 1 ms full-band clicks on the beat over quiet white noise (−46 dBFS RMS), fed in blocks like a renderer would. */
    private static AudioOnsetTracker clickTrack(double bpm, double firstBeatS, double durationS, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        AudioOnsetTracker tracker = new AudioOnsetTracker();
        long total = Math.round(durationS * PcmSink.SAMPLE_RATE);
        int clickLength = PcmSink.SAMPLE_RATE / 1000;
        double period = 60.0 / bpm * PcmSink.SAMPLE_RATE;
        float[] block = new float[2 * BLOCK];
        for (long start = 0; start < total; start += BLOCK) {
            int frames = (int) Math.min(BLOCK, total - start);
            for (int f = 0; f < frames; f++) {
                long t = start + f;
                double sinceBeat = (t - firstBeatS * PcmSink.SAMPLE_RATE) % period;
                if (sinceBeat < 0) {
                    sinceBeat += period;
                }
                double s = 0.005 * random.nextDouble(-1, 1);
                if (t >= firstBeatS * PcmSink.SAMPLE_RATE && sinceBeat < clickLength) {
                    s += 0.6 * (random.nextBoolean() ? 1 : -1);
                }
                block[2 * f] = (float) s;
                block[2 * f + 1] = (float) s;
            }
            tracker.write(block, frames);
        }
        tracker.close();
        return tracker;
    }

    @Test
    void findsTempoAndBeatsOfClickTracks() {
        for (double bpm : new double[] {100, 132}) {
            double first = 0.25;
            double duration = 20;
            AudioOnsetTracker tracker = clickTrack(bpm, first, duration, 11);
            TempoEstimate tempo = tracker.tempo();
            double[] truth = Envelopes.grid(bpm, first, duration - 1e-9);
            double[] beats = tracker.beats();
            double f = BeatMetrics.fMeasure(truth, beats, 0.07);
            double offset = BeatMetrics.meanOffsetS(truth, beats, 0.07);
            System.out.printf("clicks %3.0f BPM -> %.2f BPM (err %.2f%%, conf %.2f), F %.3f, offset %+.1f ms%n",
                    bpm, tempo.bpm(), 100 * (tempo.bpm() / bpm - 1), tempo.confidence(), f, 1000 * offset);
            assertEquals(bpm, tempo.bpm(), 0.02 * bpm);
            assertTrue(tempo.rhythmic());
            assertTrue(f >= 0.9, "F-measure " + f);
            assertEquals(0, offset, 0.005, "beats should sit on the clicks, not a frame early or late");
        }
    }

    @Test
    void envelopeHasOneValuePerHop() {
        AudioOnsetTracker tracker = clickTrack(120, 0, 3.0, 1);
        assertEquals(100.0, tracker.envelopeRateHz());
        assertEquals(300, tracker.envelope().length);
    }

    @Test
    void noiseOnlyAudioIsNotRhythmic() {
        SplittableRandom random = new SplittableRandom(3);
        AudioOnsetTracker tracker = new AudioOnsetTracker();
        float[] block = new float[2 * BLOCK];
        for (int b = 0; b < 15 * PcmSink.SAMPLE_RATE / BLOCK; b++) {
            for (int i = 0; i < block.length; i++) {
                block[i] = (float) (0.2 * random.nextDouble(-1, 1));
            }
            tracker.write(block, BLOCK);
        }
        tracker.close();
        assertFalse(tracker.tempo().rhythmic(), "confidence " + tracker.tempo().confidence());
        assertEquals(0, tracker.beats().length);
    }

    @Test
    void resultsNeedClose() {
        AudioOnsetTracker tracker = new AudioOnsetTracker();
        tracker.write(new float[2 * BLOCK], BLOCK);
        assertThrows(IllegalStateException.class, tracker::tempo);
    }
}
