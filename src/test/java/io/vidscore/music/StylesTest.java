package io.vidscore.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vidscore.audio.PcmSink;
import io.vidscore.rhythm.AudioOnsetTracker;
import io.vidscore.rhythm.BeatMetrics;
import io.vidscore.rhythm.TempoEstimate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each style rendered for 20 s, and checked for what a listener (or an editor's beat detector) notices. */
class StylesTest {
    private static final double DURATION = 20;
    private static final Map<String, Rendered> RENDERS = new LinkedHashMap<>();

    record Rendered(String style, MusicRequest request, MusicResult result, CaptureSink capture, AudioOnsetTracker ear,
                    double realTime) {
    }

    /** Tempo and key for each style, as a video might ask for them. */
    static MusicRequest request(String style, long seed) {
        double bpm = switch (style) {
            case "cinematic" -> 92;
            case "lofi" -> 86;
            case "electronic" -> 124;
            case "acoustic" -> 104;
            default -> 78;
        };
        String key = switch (style) {
            case "cinematic" -> "D minor";
            case "lofi" -> "Eb major";
            case "electronic" -> "A minor";
            case "acoustic" -> "G major";
            default -> "F# minor";
        };
        return new MusicRequest(DURATION, bpm, 0.37, new double[] {5.3, 12.9}, Requests.swellingEnergy(DURATION), 10,
                0.5, 0.1, 0.5, seed, new MusicRequest.Overrides(style, null, key));
    }

    @BeforeAll
    static void renderEveryStyle() {
        ComposerEngine engine = new ComposerEngine();
        engine.render(request("electronic", 1), new CaptureSink()); // JIT warm-up, so the timings mean something
        for (String style : ComposerEngine.STYLES) {
            MusicRequest request = request(style, 42);
            CaptureSink capture = new CaptureSink();
            AudioOnsetTracker ear = new AudioOnsetTracker();
            long t0 = System.nanoTime();
            MusicResult result = engine.render(request, capture);
            double seconds = (System.nanoTime() - t0) / 1e9;
            ear.write(capture.samples(), (int) capture.frames());
            ear.close();
            RENDERS.put(style, new Rendered(style, request, result, capture, ear, DURATION / seconds));
        }
    }

    @Test
    void everyStyleIsItsOwnStyle() {
        for (Rendered r : RENDERS.values()) {
            assertEquals(r.style, r.result.styleName());
            assertTrue(r.result.style().startsWith(r.style), r.result.style());
            System.out.printf("%-10s %s | form %s | %d notes | %.0fx real time (render only)%n", r.style,
                    r.result.style(), r.result.form(), r.result.notes(), r.realTime);
        }
    }

    @Test
    void exactLengthNoClippingNoSilentSecond() {
        for (Rendered r : RENDERS.values()) {
            assertEquals(Math.round(DURATION * PcmSink.SAMPLE_RATE), r.capture.frames(), r.style);
            double peak = r.capture.peak();
            double rms = r.capture.rmsDb(0, DURATION);
            System.out.printf("%-10s peak %.3f, RMS %.1f dBFS%n", r.style, peak, rms);
            assertTrue(peak <= 0.98, r.style + " peak " + peak);
            assertTrue(rms > -20 && rms < -12, r.style + " pre-master RMS " + rms);
            for (double from = 0; from + 1 <= DURATION - 1 + 1e-9; from += 0.5) {
                double w = r.capture.rmsDb(from, from + 1);
                assertTrue(w > -40, r.style + ": silent second at " + from + " s: " + w + " dBFS");
            }
        }
    }

    @Test
    void anIndependentEarHearsTheRequestedBeatInEveryStyle() {
        for (Rendered r : RENDERS.values()) {
            TempoEstimate tempo = r.ear.tempo();
            double[] planned = r.result.plannedBeatsS();
            double f = BeatMetrics.fMeasure(planned, r.ear.beats(), 0.07);
            double bpm = r.request.effectiveTempoBpm();
            System.out.printf("%-10s %.0f BPM: heard %.2f BPM (err %+.2f%%, confidence %.2f), beat F %.3f, offset %+.1f ms%n",
                    r.style, bpm, tempo.bpm(), 100 * (tempo.bpm() / bpm - 1), tempo.confidence(), f,
                    1000 * BeatMetrics.meanOffsetS(planned, r.ear.beats(), 0.07));
            assertTrue(tempo.rhythmic(), r.style + " is heard as rhythmic");
            assertEquals(bpm, tempo.bpm(), 0.02 * bpm, r.style + " tempo");
            assertTrue(f >= 0.8, r.style + " beat F-measure " + f);
        }
    }

    @Test
    void theMusicIsInTheRequestedKey() {
        for (Rendered r : RENDERS.values()) {
            String intended = r.result.key();
            assertEquals(r.request.overrides().key(), intended);
            String[] ranked = Chroma.rank(Chroma.chroma(r.capture.samples()));
            System.out.printf("%-10s intended %s: heard %s, then %s, %s%n", r.style, intended, ranked[0], ranked[1],
                    ranked[2]);
            // Best among the 24 keys, or its relative major/minor first (see KeyConsistencyTest).
            assertTrue(ranked[0].equals(intended) || ranked[0].equals(Chroma.relative(intended)), r.style
                    + ": intended " + intended + ", heard " + Arrays.toString(Arrays.copyOf(ranked, 4)));
        }
    }

    @Test
    void stylesHaveTheirOwnInstruments() throws Exception {
        ComposerEngine engine = new ComposerEngine();
        Map<String, Set<String>> sets = new LinkedHashMap<>();
        for (String style : ComposerEngine.STYLES) {
            Midi midi = new Midi(engine.renderMidi(request(style, 42)));
            Set<String> names = new TreeSet<>(midi.trackNames.subList(1, midi.trackNames.size()));
            sets.put(style, names);
            System.out.printf("%-10s tracks %s%n", style, names);
        }
        for (String a : sets.keySet()) {
            for (String b : sets.keySet()) {
                if (!a.equals(b)) {
                    assertTrue(!sets.get(a).equals(sets.get(b)), a + " and " + b + " use the same instruments");
                }
            }
        }
    }
}
