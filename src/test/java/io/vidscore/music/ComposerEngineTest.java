package io.vidscore.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vidscore.audio.PcmSink;
import io.vidscore.rhythm.AudioOnsetTracker;
import io.vidscore.rhythm.BeatMetrics;
import io.vidscore.rhythm.TempoEstimate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ComposerEngineTest {
    private static final double DURATION = 20;
    private static final double[] TEMPI = {96, 128};
    private static final Map<Double, Rendered> RENDERS = new TreeMap<>();

    private record Rendered(MusicRequest request, MusicResult result, CaptureSink capture, AudioOnsetTracker ear) {
    }

    private static Rendered render(MusicRequest request) {
        CaptureSink capture = new CaptureSink();
        AudioOnsetTracker ear = new AudioOnsetTracker();
        long t0 = System.nanoTime();
        MusicResult result = new ComposerEngine().render(request, PcmSink.tee(capture, ear));
        double seconds = (System.nanoTime() - t0) / 1e9;
        ear.close();
        System.out.printf("rendered %.1f s at %.0f BPM in %.3f s: %.0fx real time (includes the onset tracker)%n",
                request.durationS(), request.tempoBpm(), seconds, request.durationS() / seconds);
        return new Rendered(request, result, capture, ear);
    }

    @BeforeAll
    static void renderTypicalRequests() {
        for (double bpm : TEMPI) {
            RENDERS.put(bpm, render(Requests.typical(DURATION, bpm, 42)));
        }
    }

    @Test
    void writesExactlyTheRequestedFramesInBlocksAndLeavesTheSinkOpen() {
        for (Rendered r : RENDERS.values()) {
            assertEquals(Math.round(DURATION * PcmSink.SAMPLE_RATE), r.capture.frames());
            assertTrue(r.capture.largestBlock <= ComposerEngine.BLOCK_FRAMES, "streams in blocks");
            assertFalse(r.capture.closed, "the caller closes the sink");
            assertEquals("composer", r.result.engine());
            assertEquals(r.request.tempoBpm(), r.result.tempoBpm());
            assertTrue(r.result.notes() > 100, "a 20 s piece has many notes: " + r.result.notes());
        }
        for (double odd : new double[] {0, 0.01, 1.2345, 3.3}) {
            CaptureSink capture = new CaptureSink();
            MusicResult result = new ComposerEngine().render(Requests.typical(odd, 120, 1), capture);
            assertEquals(Math.round(odd * PcmSink.SAMPLE_RATE), capture.frames(), "duration " + odd);
            assertTrue(capture.peak() <= 0.98);
            for (double beat : result.plannedBeatsS()) {
                assertTrue(beat >= 0 && beat < odd);
            }
        }
    }

    @Test
    void neverClips() {
        for (Rendered r : RENDERS.values()) {
            double peak = r.capture.peak();
            System.out.printf("%.0f BPM: peak %.3f, RMS %.1f dBFS, key %s, style %s, %d notes%n",
                    r.request.tempoBpm(), peak, r.capture.rmsDb(0, DURATION), r.result.key(), r.result.style(),
                    r.result.notes());
            assertTrue(peak <= 0.98, "peak " + peak);
        }
    }

    @Test
    void loudnessIsReasonable() {
        for (Rendered r : RENDERS.values()) {
            double rms = r.capture.rmsDb(0, DURATION);
            assertTrue(rms > -18 && rms < -10, "overall RMS " + rms + " dBFS");
        }
    }

    @Test
    void hasNoSilentGapsAndEndsByDecaying() {
        for (Rendered r : RENDERS.values()) {
            for (double from = 0; from + 1 <= DURATION - 0.5 + 1e-9; from += 0.25) {
                double rms = r.capture.rmsDb(from, from + 1);
                assertTrue(rms > -40, "silent gap at " + from + " s: " + rms + " dBFS");
            }
            float[] s = r.capture.samples();
            double body = r.capture.rmsDb(DURATION - 4, DURATION - 2);
            double tail = r.capture.rmsDb(DURATION - 0.1, DURATION);
            assertTrue(tail < body - 20, "decays to the end: tail " + tail + " vs body " + body);
            assertTrue(Math.abs(s[s.length - 1]) < 1e-3 && Math.abs(s[s.length - 2]) < 1e-3, "no abrupt cut");
        }
    }

    @Test
    void anIndependentEarHearsTheRequestedBeat() {
        for (Rendered r : RENDERS.values()) {
            TempoEstimate tempo = r.ear.tempo();
            double[] heard = r.ear.beats();
            double[] planned = r.result.plannedBeatsS();
            double f = BeatMetrics.fMeasure(planned, heard, 0.07);
            System.out.printf("%.0f BPM: heard %.2f BPM (err %.2f%%, confidence %.2f), beat F %.3f, offset %+.1f ms%n",
                    r.request.tempoBpm(), tempo.bpm(), 100 * (tempo.bpm() / r.request.tempoBpm() - 1),
                    tempo.confidence(), f, 1000 * BeatMetrics.meanOffsetS(planned, heard, 0.07));
            assertTrue(tempo.rhythmic());
            assertEquals(r.request.tempoBpm(), tempo.bpm(), 0.02 * r.request.tempoBpm());
            assertTrue(f >= 0.8, "beat F-measure " + f);
        }
    }

    @Test
    void plannedBeatsAreTheRequestedGridInsideTheDuration() {
        for (Rendered r : RENDERS.values()) {
            double[] beats = r.result.plannedBeatsS();
            double period = 60 / r.request.tempoBpm();
            assertTrue(beats[0] >= 0 && beats[0] < period);
            assertTrue(beats[beats.length - 1] < DURATION && beats[beats.length - 1] + period >= DURATION);
            for (int i = 0; i < beats.length; i++) {
                double k = (beats[i] - r.request.beatOriginS()) / period;
                assertEquals(Math.round(k), k, 1e-6, "beat " + i + " is on the requested phase");
            }
        }
    }

    @Test
    void sameSeedSameSamplesOtherSeedOtherMusic() {
        Rendered first = RENDERS.get(128.0);
        CaptureSink again = new CaptureSink();
        new ComposerEngine().render(Requests.typical(DURATION, 128, 42), again);
        assertEquals(first.capture.sha256(), again.sha256());

        CaptureSink other = new CaptureSink();
        new ComposerEngine().render(Requests.typical(DURATION, 128, 43), other);
        assertNotEquals(first.capture.sha256(), other.sha256());
    }

    @Test
    void darkColdIsMinorBrightWarmIsMajor() {
        CaptureSink ignored = new CaptureSink();
        ComposerEngine engine = new ComposerEngine();
        for (long seed = 1; seed <= 3; seed++) {
            assertTrue(engine.render(Requests.mood(0.15, -0.7, seed), ignored).key().endsWith(" minor"));
            assertTrue(engine.render(Requests.mood(0.85, 0.7, seed), ignored).key().endsWith(" major"));
        }
    }

    @Test
    void busierVideoGetsBusierMusic() {
        ComposerEngine engine = new ComposerEngine();
        MusicResult calm = engine.render(new MusicRequest(12, 110, 0, new double[0], Requests.constantEnergy(12, 0.1),
                10, 0.5, 0, 0.5, 7), new CaptureSink());
        MusicResult busy = engine.render(new MusicRequest(12, 110, 0, new double[0], Requests.constantEnergy(12, 0.9),
                10, 0.5, 0, 0.5, 7), new CaptureSink());
        assertTrue(busy.notes() > 1.5 * calm.notes(), "busy " + busy.notes() + " vs calm " + calm.notes());
    }

    @Test
    void sceneCutBringsACrash() {
        double cut = 8.0;
        MusicRequest without = new MusicRequest(14, 120, 0, new double[0], Requests.constantEnergy(14, 0.2), 10,
                0.5, 0, 0.5, 9);
        MusicRequest with = new MusicRequest(14, 120, 0, new double[] {cut}, Requests.constantEnergy(14, 0.2), 10,
                0.5, 0, 0.5, 9);
        CaptureSink plain = new CaptureSink();
        CaptureSink crashed = new CaptureSink();
        ComposerEngine engine = new ComposerEngine();
        engine.render(without, plain);
        engine.render(with, crashed);
        double plainHigh = highBandDb(plain.samples(), cut, cut + 1);
        double crashedHigh = highBandDb(crashed.samples(), cut, cut + 1);
        assertTrue(crashedHigh > plainHigh + 3, "cymbal wash after the cut: " + crashedHigh + " vs " + plainHigh);
        // Far from the cut the two renders are the same music.
        assertEquals(plain.rmsDb(1, 3), crashed.rmsDb(1, 3), 1e-9);
    }

    /** Energy of the first difference (a crude high-pass that weights cymbals over bass and pad), in dB. */
    private static double highBandDb(float[] s, double fromS, double toS) {
        int from = (int) (fromS * PcmSink.SAMPLE_RATE) * 2;
        int to = (int) (toS * PcmSink.SAMPLE_RATE) * 2;
        double sum = 0;
        for (int i = from + 2; i < to; i++) {
            double d = s[i] - s[i - 2];
            sum += d * d;
        }
        return 10 * Math.log10(sum / (to - from));
    }

    @Test
    void rejectsUnusableRequests() {
        assertThrows(IllegalArgumentException.class,
                () -> new MusicRequest(10, 0, 0, new double[0], new float[0], 10, 0.5, 0, 0.5, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new MusicRequest(-1, 120, 0, new double[0], new float[0], 10, 0.5, 0, 0.5, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new MusicRequest(10, 120, 0, new double[0], new float[] {0.5f}, 0, 0.5, 0, 0.5, 1));
    }
}
