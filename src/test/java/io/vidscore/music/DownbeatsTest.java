package io.vidscore.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vidscore.rhythm.AudioOnsetTracker;
import io.vidscore.rhythm.BeatMetrics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bar lines on the strongest visual events: a video whose every fourth beat is a hard impact (the others
 * weaker motion) gets its downbeats — in the result, in the MIDI file's bar lines and in the chords — on the
 * impacts, whatever beat of the clip the first impact is; and the pickup bar this needs still carries the beat.
 */
class DownbeatsTest {
    private static final double RATE = 100;
    private static final double BPM = 120;
    private static final double ORIGIN = 0.3;
    private final ComposerEngine engine = new ComposerEngine();

    /** Visual onsets at 100 Hz: 0.3 on every beat, 1.0 on the beats {@code offset}, offset + 4, .... */
    private static float[] accents(double durationS, int offset) {
        float[] env = new float[(int) Math.ceil(durationS * RATE)];
        double period = 60 / BPM;
        for (int i = 0; ORIGIN + i * period < durationS; i++) {
            int frame = (int) Math.round((ORIGIN + i * period) * RATE);
            env[frame] = i % 4 == offset ? 1.0f : 0.3f;
            if (frame + 1 < env.length) {
                env[frame + 1] = 0.5f * env[frame];
            }
        }
        return env;
    }

    private static List<Double> strongEvents(double durationS, int offset) {
        List<Double> out = new ArrayList<>();
        for (int i = offset; ORIGIN + i * 60 / BPM < durationS; i += 4) {
            out.add(ORIGIN + i * 60 / BPM);
        }
        return out;
    }

    private static MusicRequest request(String style, double durationS, int offset) {
        return new MusicRequest(durationS, BPM, ORIGIN, new double[0], Requests.swellingEnergy(durationS), RATE, 0.5,
                0.1, 0.5, 3, new MusicRequest.Overrides(style, null, null)).withAccents(accents(durationS, offset));
    }

    @Test
    void barsStartOnTheStrongEventsInResultAndMidi() throws Exception {
        double duration = 16;
        for (int offset = 0; offset < 4; offset++) {
            MusicRequest request = request("lofi", duration, offset);
            MusicResult result = engine.render(request, new CaptureSink());
            List<Double> strong = strongEvents(duration, offset);
            double[] downbeats = result.downbeatsS();
            assertEquals(strong.size(), downbeats.length, "offset " + offset + ": one bar per impact");
            for (int i = 0; i < downbeats.length; i++) {
                assertEquals(strong.get(i), downbeats[i], 1e-9, "offset " + offset + ": bar " + i);
            }

            Midi midi = new Midi(engine.renderMidi(request));
            List<Double> lines = midi.barLinesS(duration);
            // The MIDI file opens with a lead-in measure (silence before the first beat, then any pickup); every
            // later bar line is an impact.
            List<Double> afterLeadIn = lines.subList(1, lines.size());
            assertEquals(strong.size(), afterLeadIn.size(), "offset " + offset + ": MIDI bar lines " + lines);
            for (int i = 0; i < strong.size(); i++) {
                assertEquals(strong.get(i), afterLeadIn.get(i), 0.002, "offset " + offset + ": MIDI bar line " + i);
            }
            // And the music itself is phrased on them: the bass strikes a chord root on every bar line.
            long barTicks = 4L * midi.sequence.getResolution();
            long firstBar = midi.meters.get(midi.meters.size() - 1)[0];
            List<Midi.Note> bass = midi.ofTrack("Electric Bass");
            for (int i = 0; i < strong.size() && strong.get(i) < duration - 2; i++) { // the ending rings from its bar
                long line = firstBar + i * barTicks;
                assertTrue(bass.stream().anyMatch(n -> Math.abs(n.tick() - line) <= 2),
                        "offset " + offset + ": a bass note on bar line " + i);
            }
        }
    }

    @Test
    void flatAccentsKeepTheFirstBeatAsDownbeat() {
        double duration = 10;
        float[] flat = new float[1000];
        java.util.Arrays.fill(flat, 0.4f);
        MusicRequest request = request("acoustic", duration, 0).withAccents(flat);
        MusicResult result = engine.render(request, new CaptureSink());
        assertEquals(result.plannedBeatsS()[0], result.downbeatsS()[0], 1e-9);
        MusicResult none = engine.render(request.withAccents(new float[0]), new CaptureSink());
        assertEquals(result.plannedBeatsS()[0], none.downbeatsS()[0], 1e-9);
    }

    /** The pickup is the end of a full bar, so even 8-second pieces keep a beat the audio tracker finds. */
    @Test
    void shortPiecesWithAPickupKeepTheirBeat() {
        double duration = 8;
        for (String style : ComposerEngine.STYLES) {
            for (int offset = 0; offset < 4; offset++) {
                MusicRequest request = request(style, duration, offset);
                CaptureSink capture = new CaptureSink();
                MusicResult result = engine.render(request, capture);
                assertEquals(strongEvents(duration, offset).get(0), result.downbeatsS()[0], 1e-9);
                AudioOnsetTracker ear = new AudioOnsetTracker();
                ear.write(capture.samples(), (int) capture.frames());
                ear.close();
                double f = BeatMetrics.fMeasure(result.plannedBeatsS(), ear.beats(), 0.07);
                System.out.printf("%-10s pickup of %d beats: tempo %.1f (confidence %.2f), beat F %.3f%n", style,
                        offset, ear.tempo().bpm(), ear.tempo().confidence(), f);
                assertTrue(ear.tempo().rhythmic(), style + " offset " + offset + " heard as rhythmic");
                assertTrue(f >= 0.8, style + " offset " + offset + ": F " + f);
            }
        }
    }
}
