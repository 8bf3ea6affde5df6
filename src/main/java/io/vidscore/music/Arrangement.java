package io.vidscore.music;

import io.vidscore.audio.PcmSink;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the notes of one bar at a time, so a long piece never exists as a whole score.
 *
 * <ul>
 * <li>Form: bar 0 is a lighter intro (no snare, no lead, quarter hats); the ending bar is the last bar
 *     starting at least {@value #ENDING_RING_S} s before the end: it and anything after it sit on the
 *     tonic chord (the bar before it on the dominant), with a crash on its downbeat, a rising tonic
 *     arpeggio in the lead, and kicks only, softening, so the chord rings out.</li>
 * <li>Drums: kick on every beat (the beat the video asked for, and what a listener — or the onset
 *     tracker — locks to), snare on 2 and 4, closed hats whose density follows the bar's intensity
 *     (quarters, eighths, sixteenths), velocity-humanised and nudged by up to 2 ms; a crash on the beat
 *     nearest each scene cut, preceded by a sixteenth-note snare fill.</li>
 * <li>Bass on the chord root (half notes, quarters with a fifth, or pumping eighths with octaves as
 *     intensity rises); pad holding the chord, voiced nearest to the previous chord; plucked lead
 *     playing the seeded {@link Motif} on chord tones.</li>
 * </ul>
 * Intensity is the mean video energy over the bar, smoothed across bars.
 */
final class Arrangement {
    static final double ENDING_RING_S = 1.5;
    private static final double SR = PcmSink.SAMPLE_RATE;
    private static final double HAT_NUDGE_S = 0.002;

    private final BeatGrid grid;
    private final Tonality tonality;
    private final Progression progression;
    private final Motif motif;
    private final long seed;
    private final double[] intensity;
    private final int[] cutBeats;
    private final int endingBar;
    private final long endFrame;
    private int[] padVoicing;

    Arrangement(MusicRequest request, BeatGrid grid, Tonality tonality) {
        this.grid = grid;
        this.tonality = tonality;
        this.seed = request.seed();
        SplittableRandom random = new SplittableRandom(request.seed());
        this.progression = Progression.choose(tonality, random);
        this.motif = Motif.generate(random);
        this.intensity = barIntensities(request, grid);
        this.cutBeats = cutBeats(request.cutsS(), grid);
        this.endFrame = Math.round(request.durationS() * SR);
        int ending = 0;
        for (int b = 0; b < grid.barCount; b++) {
            if (grid.barStart(b) <= request.durationS() - ENDING_RING_S) {
                ending = b;
            }
        }
        this.endingBar = ending;
    }

    int barCount() {
        return grid.barCount;
    }

    long barStartFrame(int bar) {
        return bar == 0 ? 0 : frame(grid.barStart(bar));
    }

    String style() {
        double mean = 0;
        for (double v : intensity) {
            mean += v;
        }
        mean = intensity.length == 0 ? 0.5 : mean / intensity.length;
        double bpm = 60 / grid.periodS;
        String genre = bpm < 100 ? "downtempo" : bpm < 125 ? "synth-pop" : "electro";
        String feel = mean < 0.3 ? "mellow" : mean < 0.65 ? "steady" : "driving";
        return genre + ", " + feel + ", drums/bass/pad/pluck";
    }

    private static double[] barIntensities(MusicRequest request, BeatGrid grid) {
        float[] energy = request.energy();
        double[] out = new double[grid.barCount];
        double previous = -1;
        for (int b = 0; b < grid.barCount; b++) {
            double raw = 0.5;
            if (energy.length > 0) {
                double rate = request.energyRateHz();
                int from = (int) Math.floor(Math.max(0, b == 0 ? 0 : grid.barStart(b)) * rate);
                int to = (int) Math.ceil(grid.barStart(b + 1) * rate);
                from = Math.min(from, energy.length - 1);
                to = Math.max(from + 1, Math.min(to, energy.length));
                double sum = 0;
                for (int i = from; i < to; i++) {
                    sum += Math.max(0, Math.min(1, energy[i]));
                }
                raw = sum / (to - from);
            }
            // Smoothed so that one busy bar does not flip the whole arrangement back and forth.
            previous = previous < 0 ? raw : 0.6 * raw + 0.4 * previous;
            out[b] = previous;
        }
        return out;
    }

    private static int[] cutBeats(double[] cuts, BeatGrid grid) {
        return Arrays.stream(cuts)
                .filter(t -> t > 0 && t < grid.durationS)
                .mapToInt(grid::nearestBeat)
                .filter(k -> k > 0 && k < grid.beatCount)
                .distinct()
                .sorted()
                .toArray();
    }

    private long frame(double t) {
        return Math.max(0, Math.round(t * SR));
    }

    private boolean isCutBeat(int beat) {
        return Arrays.binarySearch(cutBeats, beat) >= 0;
    }

    private int chordDegree(int bar) {
        if (bar >= endingBar) {
            return 0;
        }
        if (bar == endingBar - 1 && bar >= 1) {
            return progression.dominant;
        }
        return progression.degreeOfBar(bar);
    }

    /** Appends the notes of {@code bar} to {@code out}. Bars must be requested in order (pad voice leading). */
    void writeBar(int bar, List<NoteEvent> out) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0xD1B54A32D192ED03L * (bar + 1));
        int[] triad = tonality.triad(chordDegree(bar));
        double level = intensity[bar];
        boolean intro = bar == 0 && endingBar > 0;
        boolean ending = bar >= endingBar;
        drums(bar, level, intro, ending, random, out);
        bass(bar, triad, level, intro, ending, random, out);
        pad(bar, triad, level, ending, random, out);
        lead(bar, triad, level, intro, ending, random, out);
    }

    private void add(List<NoteEvent> out, Part part, double t, double gateS, int midi, double velocity, double pan,
                     SplittableRandom random) {
        long start = frame(t);
        if (start >= endFrame) {
            return;
        }
        long gate = Math.max(1, Math.round(gateS * SR));
        out.add(new NoteEvent(part, start, gate, midi, Math.max(0, Math.min(1, velocity)), pan, random.nextLong()));
    }

    private void drums(int bar, double level, boolean intro, boolean ending, SplittableRandom random,
                       List<NoteEvent> out) {
        double beat = grid.periodS;
        for (int j = 0; j < BeatGrid.BEATS_PER_BAR; j++) {
            int index = bar * BeatGrid.BEATS_PER_BAR + j;
            if (index >= grid.beatCount) {
                break;
            }
            double t = grid.beatTime(index);
            double kick = ending ? 0.95 - 0.08 * (j + BeatGrid.BEATS_PER_BAR * (bar - endingBar)) : 0.95;
            add(out, Part.KICK, t, 0, 0, Math.max(0.6, kick), 0, random);
            if (ending) {
                if (bar == endingBar && j == 0) {
                    add(out, Part.CRASH, t, 0, 0, 0.8, -0.3, random);
                }
                continue;
            }
            if (!intro && (j == 1 || j == 3)) {
                add(out, Part.SNARE, t, 0, 0, 0.62 + 0.3 * level + 0.06 * (random.nextDouble() - 0.5), 0.08, random);
            }
            if (isCutBeat(index)) {
                add(out, Part.CRASH, t, 0, 0, 0.85, -0.3, random);
            }
            if (isCutBeat(index + 1) && !intro) {
                for (int s = 0; s < 4; s++) {
                    add(out, Part.SNARE, t + s * beat / 4, 0, 0, 0.3 + 0.15 * s, 0.08, random);
                }
            }
            hats(t, beat, intro ? 0 : level, j, random, out);
        }
    }

    private void hats(double t, double beat, double level, int j, SplittableRandom random, List<NoteEvent> out) {
        int perBeat = level < 0.3 ? 1 : level < 0.7 ? 2 : 4;
        double base = 0.35 + 0.35 * level;
        for (int s = 0; s < perBeat; s++) {
            double accent = s == 0 ? 1.0 : (perBeat == 4 && s % 2 == 1) ? 0.45 : 0.7;
            double velocity = base * accent * (0.85 + 0.3 * random.nextDouble());
            double nudge = s == 0 ? 0 : HAT_NUDGE_S * (2 * random.nextDouble() - 1);
            boolean open = level >= 0.7 && j == 3 && s == 2;
            add(out, open ? Part.OPEN_HAT : Part.CLOSED_HAT, t + s * beat / perBeat + nudge, 0, 0, velocity, 0.35,
                    random);
        }
    }

    private int bassRoot(int[] triad) {
        int root = 36 + tonality.tonicPitchClass + triad[0];
        return root > 47 ? root - 12 : root;
    }

    private void bass(int bar, int[] triad, double level, boolean intro, boolean ending, SplittableRandom random,
                      List<NoteEvent> out) {
        int root = bassRoot(triad);
        int fifth = root + triad[2] - triad[0];
        double beat = grid.periodS;
        double start = grid.barStart(bar);
        double velocity = 0.75 + 0.2 * level;
        if (ending) {
            if (bar == endingBar) {
                add(out, Part.BASS, start, grid.durationS - start, root, velocity, 0, random);
            }
            return;
        }
        if (intro) {
            add(out, Part.BASS, start, 4 * beat - 0.05, root, velocity, 0, random);
        } else if (level < 0.3) {
            add(out, Part.BASS, start, 1.8 * beat, root, velocity, 0, random);
            add(out, Part.BASS, start + 2 * beat, 1.8 * beat, root, velocity, 0, random);
        } else if (level < 0.7) {
            int[] pattern = {root, root, fifth, root};
            for (int j = 0; j < 4; j++) {
                add(out, Part.BASS, start + j * beat, 0.8 * beat, pattern[j], velocity, 0, random);
            }
        } else {
            for (int s = 0; s < 8; s++) {
                int pitch = s % 2 == 0 ? root : root + 12;
                add(out, Part.BASS, start + s * beat / 2, 0.42 * beat, pitch, velocity * (s % 2 == 0 ? 1 : 0.8), 0,
                        random);
            }
        }
    }

    /** Pad voicing: the inversion of the triad (around middle C) that moves least from the previous chord. */
    private int[] voice(int[] triad) {
        int base = 55 + Math.floorMod(tonality.tonicPitchClass - 7, 12);
        int[] best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int inversion = 0; inversion < 3; inversion++) {
            int[] notes = new int[3];
            for (int i = 0; i < 3; i++) {
                int k = (i + inversion) % 3;
                notes[i] = base + triad[k] + (i + inversion >= 3 ? 12 : 0);
            }
            while (notes[0] > 62) {
                for (int i = 0; i < 3; i++) {
                    notes[i] -= 12;
                }
            }
            int distance = 0;
            if (padVoicing != null) {
                for (int i = 0; i < 3; i++) {
                    distance += Math.abs(notes[i] - padVoicing[i]);
                }
            } else {
                distance = Math.abs(notes[0] - 57);
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                best = notes;
            }
        }
        padVoicing = best;
        return best;
    }

    private void pad(int bar, int[] triad, double level, boolean ending, SplittableRandom random,
                     List<NoteEvent> out) {
        if (ending && bar > endingBar) {
            return;
        }
        int[] notes = voice(triad);
        double start = bar == 0 ? 0 : grid.barStart(bar);
        double end = ending ? grid.durationS : grid.barStart(bar + 1) + 0.05;
        double velocity = 0.55 + 0.25 * (1 - level);
        double[] pans = {-0.5, 0.1, 0.5};
        for (int i = 0; i < notes.length; i++) {
            add(out, Part.PAD, start, end - start, notes[i], velocity, pans[i], random);
        }
    }

    private void lead(int bar, int[] triad, double level, boolean intro, boolean ending, SplittableRandom random,
                      List<NoteEvent> out) {
        if (intro || (ending && bar > endingBar)) {
            return;
        }
        int base = 60 + tonality.tonicPitchClass - (tonality.tonicPitchClass > 4 ? 12 : 0);
        double beat = grid.periodS;
        double start = grid.barStart(bar);
        if (ending) {
            int[] arpeggio = {0, 1, 2, 3};
            for (int j = 0; j < 4; j++) {
                double t = start + j * beat;
                add(out, Part.LEAD, t, j == 3 ? grid.durationS - t : 0.9 * beat, base + chordTone(triad, arpeggio[j]),
                        0.6, -0.25, random);
            }
            return;
        }
        int phrase = bar / progression.length();
        int[] steps = motif.stepsFor(phrase, bar % progression.length(), seed);
        boolean sparse = level < 0.2;
        for (int s = 0; s < Motif.STEPS; s++) {
            if (steps[s] == Motif.REST || (sparse && s % 4 != 0)) {
                continue;
            }
            boolean held = s + 1 < Motif.STEPS && steps[s + 1] == Motif.REST;
            double gate = (sparse ? 1.8 : held ? 0.95 : 0.45) * beat;
            double velocity = (0.45 + 0.3 * level) * (s % 2 == 0 ? 1.0 : 0.8) * (0.9 + 0.2 * random.nextDouble());
            add(out, Part.LEAD, start + s * beat / 2, gate, base + chordTone(triad, steps[s]), velocity, -0.25, random);
        }
    }

    private static int chordTone(int[] triad, int index) {
        return triad[index % 3] + 12 * (index / 3);
    }
}
