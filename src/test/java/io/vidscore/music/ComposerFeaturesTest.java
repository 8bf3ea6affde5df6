package io.vidscore.music;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vidscore.audio.PcmSink;
import io.vidscore.rhythm.AudioOnsetTracker;
import io.vidscore.rhythm.BeatMetrics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import javax.sound.midi.Sequence;
import org.junit.jupiter.api.Test;

class ComposerFeaturesTest {
    private final ComposerEngine engine = new ComposerEngine();

    // ---- MIDI ----------------------------------------------------------------------------------------

    @Test
    void midiIsAType1FileOfTheSamePerformance() throws Exception {
        for (String style : ComposerEngine.STYLES) {
            MusicRequest request = StylesTest.request(style, 7);
            MusicResult result = engine.render(request, new CaptureSink());
            byte[] bytes = engine.renderMidi(request);
            assertEquals(1, bytes[9], "format 1");
            Midi midi = new Midi(bytes);
            assertEquals(Sequence.PPQ, midi.sequence.getDivisionType());
            assertEquals(480, midi.sequence.getResolution());
            assertEquals(Math.round(60e6 / request.effectiveTempoBpm()), midi.usPerQuarter);
            assertEquals(4, midi.numerator, "4/4");
            Tonality key = Tonality.parse(result.key());
            assertEquals(key.sharps(), midi.sharps);
            assertEquals(key.major ? 0 : 1, midi.minor);
            Style s = Style.byId(style);
            long instruments = s.parts.stream().filter(p -> !p.isDrum()).count();
            assertEquals(1 + 1 + instruments, midi.trackNames.size(), style + ": conductor, drums, one per instrument");
            assertEquals("Drums", midi.trackNames.get(1));
            for (Midi.Note n : midi.notes) {
                assertEquals(midi.isDrumTrack(n.track()), n.channel() == 9, "drums and only drums on channel 10");
            }
            for (Part p : s.parts) {
                if (!p.isDrum()) {
                    int t = midi.trackNames.indexOf(p.trackName);
                    assertTrue(t > 1, style + " has a " + p.trackName + " track");
                    assertEquals(p.program, midi.programs.get(t), p.trackName + " program");
                    assertFalse(midi.ofTrack(p.trackName).isEmpty() && p != Part.RISER, p.trackName + " plays");
                }
            }
            assertEquals(result.notes(), midi.notes.size(), style + ": the file has every note the audio played");
            System.out.printf("%-10s MIDI: %d tracks %s, %d notes, %d bytes%n", style, midi.trackNames.size(),
                    midi.trackNames, midi.notes.size(), bytes.length);
        }
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherMusic() {
        MusicRequest request = StylesTest.request("lofi", 11);
        CaptureSink a = new CaptureSink();
        CaptureSink b = new CaptureSink();
        engine.render(request, a);
        engine.render(request, b);
        assertEquals(a.sha256(), b.sha256(), "bit-identical audio");
        assertArrayEquals(engine.renderMidi(request), engine.renderMidi(request), "identical MIDI bytes");
        CaptureSink c = new CaptureSink();
        engine.render(StylesTest.request("lofi", 12), c);
        assertNotEquals(a.sha256(), c.sha256());
    }

    @Test
    void anotherSeedWritesOtherNotesNotJustAnotherTake() throws Exception {
        for (String style : ComposerEngine.STYLES) {
            List<Midi.Note> a = new Midi(engine.renderMidi(StylesTest.request(style, 1))).pitched();
            List<Midi.Note> b = new Midi(engine.renderMidi(StylesTest.request(style, 2))).pitched();
            Set<Long> sa = new HashSet<>();
            for (Midi.Note n : a) {
                sa.add(n.tick() * 128 + n.pitch());
            }
            int same = 0;
            for (Midi.Note n : b) {
                same += sa.contains(n.tick() * 128 + n.pitch()) ? 1 : 0;
            }
            double shared = (double) same / Math.max(a.size(), b.size());
            System.out.printf("%-10s seeds 1 and 2 share %.0f%% of pitched notes (onset and pitch)%n", style,
                    100 * shared);
            assertTrue(shared < 0.5, style + ": " + shared);
        }
    }

    // ---- overrides -----------------------------------------------------------------------------------

    @Test
    void tempoKeyAndStyleOverridesAreHonoured() throws Exception {
        double origin = 0.37;
        MusicRequest analysed = new MusicRequest(20, 120, origin, new double[] {9.1}, Requests.swellingEnergy(20), 10,
                0.8, 0.6, 0.5, 5);
        MusicRequest request = analysed.withOverrides(new MusicRequest.Overrides("lofi", 100.0, "Bb major"));
        CaptureSink capture = new CaptureSink();
        AudioOnsetTracker ear = new AudioOnsetTracker();
        MusicResult result = engine.render(request, PcmSink.tee(capture, ear));
        ear.close();
        assertEquals("lofi", result.styleName());
        assertEquals("Bb major", result.key());
        assertEquals(100, result.tempoBpm());
        double period = 0.6;
        for (double beat : result.plannedBeatsS()) {
            double k = (beat - origin) / period;
            assertEquals(Math.round(k), k, 1e-6, "the grid keeps the video's beat phase");
        }
        assertEquals(100, ear.tempo().bpm(), 2, "heard tempo");
        double f = BeatMetrics.fMeasure(result.plannedBeatsS(), ear.beats(), 0.07);
        System.out.printf("override 100 BPM lofi Bb major: heard %.2f BPM, beat F %.3f%n", ear.tempo().bpm(), f);
        assertTrue(f >= 0.8, "beat F " + f);

        Midi midi = new Midi(engine.renderMidi(request));
        assertEquals(600_000, midi.usPerQuarter);
        assertEquals(-2, midi.sharps);
        assertEquals(0, midi.minor);
        assertTrue(midi.trackNames.contains("Electric Piano"));

        assertEquals(ComposerEngine.styleFor(analysed), engine.render(analysed, new CaptureSink()).styleName(),
                "without overrides the style comes from the mood");
        for (String[] k : new String[][] {{"A minor", "0", "1"}, {"F# major", "6", "0"}, {"Eb minor", "-6", "1"},
                {"C major", "0", "0"}, {"Gb major", "-6", "0"}}) {
            Midi m = new Midi(engine.renderMidi(analysed.withOverrides(new MusicRequest.Overrides(null, null, k[0]))));
            assertEquals(Integer.parseInt(k[1]), m.sharps, k[0]);
            assertEquals(Integer.parseInt(k[2]), m.minor, k[0]);
        }
    }

    @Test
    void keysAreParsedStrictly() {
        assertEquals("F# major", MusicRequest.Overrides.parseKey("F# major"));
        assertEquals("Bb major", MusicRequest.Overrides.parseKey("Bb major"));
        for (String bad : new String[] {"a minor", "A Minor", "H major", "F## major", "A  minor", "Am", "", " A minor",
                "A minor ", "A dorian", "Bb"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new MusicRequest.Overrides(null, null, bad), bad);
            assertTrue(e.getMessage().contains("\"A minor\"") && e.getMessage().contains("F# major"), e.getMessage());
        }
        IllegalArgumentException style = assertThrows(IllegalArgumentException.class,
                () -> new MusicRequest.Overrides("jazz", null, null));
        assertTrue(style.getMessage().contains("cinematic, lofi, electronic, acoustic, ambient"), style.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MusicRequest.Overrides(null, 20.0, null));
        assertThrows(IllegalArgumentException.class, () -> new MusicRequest.Overrides(null, Double.NaN, null));
        assertEquals(List.of("cinematic", "lofi", "electronic", "acoustic", "ambient"), ComposerEngine.STYLES);
    }

    @Test
    void styleFollowsMoodAndPace() {
        assertEquals("ambient", ComposerEngine.styleFor(mood(0.15, -0.5, 0.1, 70)), "dark and slow");
        assertEquals("cinematic", ComposerEngine.styleFor(mood(0.15, -0.5, 0.5, 100)), "dark, medium");
        assertEquals("electronic", ComposerEngine.styleFor(mood(0.8, 0.3, 0.8, 128)), "bright and fast");
        assertEquals("acoustic", ComposerEngine.styleFor(mood(0.65, 0.5, 0.45, 100)), "warm, medium");
        assertEquals("lofi", ComposerEngine.styleFor(mood(0.5, 0.1, 0.3, 80)), "neutral, calm");
    }

    private static MusicRequest mood(double brightness, double warmth, double energy, double bpm) {
        return new MusicRequest(10, bpm, 0, new double[0], Requests.constantEnergy(10, energy), 10, brightness, warmth,
                0.5, 1);
    }

    // ---- ending --------------------------------------------------------------------------------------

    @Test
    void endsOnTheTonicTriadAndRingsOut() throws Exception {
        for (String style : ComposerEngine.STYLES) {
            for (double duration : new double[] {20, 13.7}) {
                MusicRequest base = StylesTest.request(style, 3);
                MusicRequest request = new MusicRequest(duration, base.tempoBpm(), 0.37, base.cutsS(),
                        Requests.swellingEnergy(duration), 10, 0.5, 0.1, 0.5, 3, base.overrides());
                CaptureSink capture = new CaptureSink();
                MusicResult result = engine.render(request, capture);
                Midi midi = new Midi(engine.renderMidi(request));
                Tonality key = Tonality.parse(result.key());
                // The last chord: every pitched note still held at the end of the file.
                long end = midi.pitched().stream().mapToLong(Midi.Note::endTick).max().orElseThrow();
                Set<Integer> finalChord = new TreeSet<>();
                for (Midi.Note n : midi.pitched()) {
                    if (n.endTick() >= end - 10 && !midi.trackNames.get(n.track()).equals("Riser")) {
                        finalChord.add(Math.floorMod(n.pitch() - key.tonicPitchClass, 12));
                    }
                }
                int third = key.major ? 4 : 3;
                assertEquals(Set.of(0, third, 7), finalChord, style + " " + duration + " s: last chord "
                        + finalChord + " is the tonic triad of " + key.name());
                double previous = Double.MAX_VALUE;
                for (int w = 5; w >= 1; w--) {
                    double rms = capture.rmsDb(duration - 0.1 * w, duration - 0.1 * (w - 1));
                    assertTrue(rms < previous, style + ": the last half second decays, window " + w + ": " + rms);
                    previous = rms;
                }
                double ring = capture.rmsDb(duration - 1.5, duration - 0.5);
                assertTrue(ring > -45, style + ": the final chord rings (" + ring + " dBFS), it is not cut off");
                float[] s = capture.samples();
                assertTrue(Math.abs(s[s.length - 1]) < 1e-3, "reaches silence at the very end");
            }
        }
    }

    // ---- long videos ---------------------------------------------------------------------------------

    /** Counts frames and keeps per-second RMS only. */
    private static final class CountingSink implements PcmSink {
        long frames;
        double sum;
        final List<Double> secondsDb = new ArrayList<>();
        long maxUsed;
        int blocks;

        @Override
        public void write(float[] interleaved, int n) {
            for (int i = 0; i < n; i++) {
                double l = interleaved[2 * i];
                double r = interleaved[2 * i + 1];
                sum += l * l + r * r;
                frames++;
                if (frames % PcmSink.SAMPLE_RATE == 0) {
                    secondsDb.add(10 * Math.log10(sum / (2.0 * PcmSink.SAMPLE_RATE) + 1e-30));
                    sum = 0;
                }
            }
            if (++blocks % 1024 == 0) {
                System.gc();
                Runtime rt = Runtime.getRuntime();
                maxUsed = Math.max(maxUsed, rt.totalMemory() - rt.freeMemory());
            }
        }
    }

    @Test
    void aTenMinuteVideoDevelopsInBoundedMemory() throws Exception {
        double duration = 600;
        SplittableRandom random = new SplittableRandom(99);
        List<Double> cuts = new ArrayList<>();
        for (double t = 12; t < duration - 10; t += 15 + 40 * random.nextDouble()) {
            cuts.add(t);
        }
        MusicRequest request = new MusicRequest(duration, 118, 0.21, cuts.stream().mapToDouble(Double::doubleValue)
                .toArray(), Requests.swellingEnergy(duration), 10, 0.62, 0.3, 0.5, 99);
        // warm up, then measure
        engine.render(new MusicRequest(30, 118, 0.21, new double[] {10}, Requests.swellingEnergy(30), 10, 0.62, 0.3,
                0.5, 1), new CountingSink());
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long before = rt.totalMemory() - rt.freeMemory();
        CountingSink sink = new CountingSink();
        long t0 = System.nanoTime();
        MusicResult result = engine.render(request, sink);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long growth = Math.max(sink.maxUsed, rt.totalMemory() - rt.freeMemory()) - before;
        System.out.printf("10 min %s: %.1f s to render, %.0fx real time, heap growth %.1f MB, form %s%n",
                result.styleName(), seconds, duration / seconds, growth / 1e6, result.form());
        assertEquals(Math.round(duration * PcmSink.SAMPLE_RATE), sink.frames);
        assertTrue(growth < 24_000_000, "memory stays bounded: grew " + growth + " bytes");
        for (int s = 0; s < sink.secondsDb.size() - 1; s++) {
            assertTrue(sink.secondsDb.get(s) > -40, "silent second at " + s + " s");
        }

        // Form: returns and new material.
        Set<Character> letters = new TreeSet<>();
        boolean returns = false;
        for (String section : result.form().split(" ")) {
            char c = section.charAt(0);
            if (c >= 'A' && c <= 'H' && !section.startsWith("end")) {
                letters.add(c);
                returns |= section.contains("'");
            }
        }
        assertTrue(letters.size() >= 3 && returns, "sections A, B, C... with returns: " + result.form());

        // The MIDI shows it: distinct four-bar bass progressions and one-bar melodic patterns.
        Midi midi = new Midi(engine.renderMidi(request));
        double period = 60 / 118.0;
        double firstBeat = result.plannedBeatsS()[0];
        double secondsPerTick = midi.usPerQuarter / 1e6 / 480;
        String bassTrack = Style.byId(result.styleName()).parts.stream()
                .filter(p -> p.name().endsWith("BASS")).findFirst().orElseThrow().trackName;
        int bars = (int) ((duration - firstBeat) / (4 * period));
        int[] roots = new int[bars];
        java.util.Arrays.fill(roots, -1);
        for (Midi.Note n : midi.ofTrack(bassTrack)) {
            int bar = (int) Math.floor((n.tick() * secondsPerTick - firstBeat + 0.01) / (4 * period));
            if (bar >= 0 && bar < bars && roots[bar] < 0) {
                roots[bar] = n.pitch() % 12;
            }
        }
        Set<String> progressions = new HashSet<>();
        for (int b = 0; b + 4 <= bars; b += 4) {
            progressions.add(roots[b] + "," + roots[b + 1] + "," + roots[b + 2] + "," + roots[b + 3]);
        }
        System.out.printf("10 min: %d distinct four-bar bass progressions over %d bars%n", progressions.size(), bars);
        assertTrue(progressions.size() >= 3, "progressions vary: " + progressions);
    }
}
