package io.vidscore.music;

import io.vidscore.audio.PcmSink;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes the notes of one bar at a time from the {@link FormPlan}, so a long piece never exists as a whole
 * score. Bars must be written in order: chord voicings and the melody lead from one bar to the next.
 *
 * <ul>
 * <li>Drums: each style's grooves on a sixteenth grid (two variants, alternating between sections), hat
 *     or shaker density following the bar's intensity, swing for lofi. Every beat carries a hit (kick,
 *     snare, rim, clap or tom) so the pulse stays audible and trackable; those hits are placed exactly on
 *     the grid, while hats, shakers, ghost notes and strum strings are humanised by a few milliseconds and
 *     all velocities by about ±8 %. Fills or risers lead into each new section; crashes (booms in the
 *     cinematic style) land on the beat nearest each scene cut.</li>
 * <li>Harmony: the plan's chord per bar; chord instruments are voiced nearest to their previous voicing
 *     inside a fixed register (voice leading), basses play the root with passing and approach tones
 *     towards the next chord.</li>
 * <li>Melody: the section's {@link Motif} in four-chord phrases (statement, answer, sequence, cadence),
 *     antecedent phrases closing on the third or fifth, consequent ones on the root.</li>
 * <li>Ending: on the final bar every instrument sounds the tonic triad and holds it to the end, the melody
 *     lands on the tonic, a crash (or boom) marks it, and the pulse softens and stops a second before the end.</li>
 * </ul>
 * Intensity is the mean video energy over the bar, smoothed across bars, plus the section's lift.
 */
final class Arrangement {
    private static final double SR = PcmSink.SAMPLE_RATE;
    /** Timing spread of humanised (non-pulse) hits, seconds. */
    private static final double LOOSE_S = 0.004;
    private static final double STOP_PULSE_BEFORE_END_S = 0.6;

    private final FormPlan plan;
    private final BeatGrid grid;
    private final Tonality key;
    private final Style style;
    private final long seed;
    private final double[] intensity;
    private final long endFrame;
    private final Map<Part, int[]> voicings = new EnumMap<>(Part.class);
    private int melodyLast = -1;
    private final Part melodyPart;
    private final int melodyCenter;
    /** Seeded register preference of the first voicing, from which all later ones are led: −6..+6 semitones. */
    private final int voicingBias;
    /** Seeded: pads and strings of the slow styles in open (drop-2) rather than close position. */
    private final boolean spread;

    Arrangement(MusicRequest request, BeatGrid grid, Tonality key, Style style) {
        this.grid = grid;
        this.key = key;
        this.style = style;
        this.seed = request.variationSeed();
        this.plan = new FormPlan(style, key, grid, request.cutsS(), seed);
        this.intensity = barIntensities(request, grid, plan);
        this.endFrame = Math.round(request.durationS() * SR);
        this.melodyPart = switch (style) {
            case ELECTRONIC -> Part.PLUCK;
            case LOFI -> Part.VIBES;
            case ACOUSTIC -> Part.NYLON;
            default -> Part.CELESTA;
        };
        SplittableRandom colour = new SplittableRandom(seed ^ 0x3C6EF372FE94F82BL);
        this.voicingBias = colour.nextInt(13) - 6;
        this.spread = style.barsPerChord > 1 && colour.nextBoolean();
        int register = switch (style) {
            case ELECTRONIC -> 74;
            case LOFI -> 72;
            case ACOUSTIC -> 67;
            default -> 79;
        };
        // The melody orbits the tonic nearest the instrument's register.
        int offset = Math.floorMod(key.tonicPitchClass - register, 12);
        this.melodyCenter = register + (offset > 6 ? offset - 12 : offset);
    }

    FormPlan plan() {
        return plan;
    }

    int barCount() {
        return grid.barCount;
    }

    long barStartFrame(int bar) {
        return bar == 0 ? 0 : frame(grid.barStart(bar));
    }

    String describe() {
        double mean = 0;
        for (double v : intensity) {
            mean += v;
        }
        mean = intensity.length == 0 ? 0.5 : mean / intensity.length;
        String feel = mean < 0.3 ? "mellow" : mean < 0.65 ? "steady" : "driving";
        String instruments = String.join("/", style.parts.stream().filter(p -> !p.isDrum())
                .map(p -> p.trackName.toLowerCase(java.util.Locale.ROOT)).toList());
        return style.id() + ", " + feel + ", drums/" + instruments;
    }

    private static double[] barIntensities(MusicRequest request, BeatGrid grid, FormPlan plan) {
        float[] energy = request.energy();
        double[] out = new double[grid.barCount];
        double previous = -1;
        for (int b = 0; b < grid.barCount; b++) {
            double raw = 0.5;
            if (energy.length > 0) {
                double rate = request.energyRateHz();
                int from = (int) Math.floor(Math.max(0, b == 0 ? 0 : grid.barStart(b)) * rate);
                int to = (int) Math.ceil(grid.barStart(b + 1) * rate);
                from = Math.max(0, Math.min(from, energy.length - 1));
                to = Math.max(from + 1, Math.min(to, energy.length));
                double sum = 0;
                for (int i = from; i < to; i++) {
                    sum += Math.max(0, Math.min(1, energy[i]));
                }
                raw = sum / (to - from);
            }
            // Smoothed so that one busy bar does not flip the whole arrangement back and forth.
            previous = previous < 0 ? raw : 0.6 * raw + 0.4 * previous;
            out[b] = Math.max(0, Math.min(1, previous + plan.section(b).lift()));
        }
        return out;
    }

    // ---- time and events ---------------------------------------------------------------------------

    private long frame(double t) {
        return Math.max(0, Math.round(t * SR));
    }

    private double beatTime(int bar, int beat) {
        return grid.beatTime(bar * BeatGrid.BEATS_PER_BAR + beat);
    }

    /** Time of sixteenth {@code step} (0..15) of {@code bar}, swung when the style swings. */
    private double stepTime(int bar, int step) {
        double beat = beatTime(bar, step / 4);
        int sub = step % 4;
        double frac;
        if (style.swing > 0) {
            double sw = style.swing;
            frac = switch (sub) {
                case 0 -> 0;
                case 1 -> sw / 2;
                case 2 -> sw;
                default -> sw + (1 - sw) / 2;
            };
        } else {
            frac = sub / 4.0;
        }
        return beat + frac * grid.periodS;
    }

    private void add(List<NoteEvent> out, Part part, double t, double gateS, int midi, double velocity, double pan,
                     SplittableRandom random) {
        if (t < 0 && t > -0.01) {
            t = 0; // early jitter on a beat at 0
        } else if (t < 0) {
            // Bar 0 of a piece with a pickup starts before the video: what would have sounded before 0 is not
            // played, and a held note still sounding then enters on the first beat, where the music starts,
            // rather than as an off-beat onset at 0.
            double firstBeat = grid.beatTime(grid.lead);
            if (part.isDrum() || t + gateS < firstBeat + 0.05) {
                return;
            }
            gateS += t - firstBeat;
            t = firstBeat;
        }
        long start = frame(t);
        if (start >= endFrame) {
            return;
        }
        long gate = Math.max(1, Math.min(Math.round(gateS * SR), endFrame - start));
        if (part == Part.KICK || part == Part.TOM || part == Part.BOOM || part == Part.RIM) {
            midi = drumPitch(part);
        }
        out.add(new NoteEvent(part, start, gate, midi, Math.max(0.05, Math.min(1, velocity)), pan, random.nextLong()));
    }

    /** Kick, toms, booms and the rim sound the tonic: tuned drums, so they do not blur the key. */
    private int drumPitch(Part part) {
        return switch (part) {
            case KICK -> 25 + Math.floorMod(key.tonicPitchClass - 1, 12);
            case TOM -> 40 + Math.floorMod(key.tonicPitchClass - 4, 12);
            case BOOM -> 26 + Math.floorMod(key.tonicPitchClass - 2, 12);
            default -> 76 + Math.floorMod(key.tonicPitchClass - 4, 12);
        };
    }

    private static double human(SplittableRandom random) {
        return 0.92 + 0.16 * random.nextDouble();
    }

    private static double loose(SplittableRandom random) {
        return LOOSE_S * (random.nextDouble() + random.nextDouble() - 1);
    }

    // ---- the bar -----------------------------------------------------------------------------------

    /** Appends the notes of {@code bar} to {@code out}. Bars must be requested in order (voice leading). */
    void writeBar(int bar, List<NoteEvent> out) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0xD1B54A32D192ED03L * (bar + 1));
        if (plan.isEnding(bar)) {
            ending(bar, random, out);
            return;
        }
        double level = intensity[bar];
        FormPlan.Section section = plan.section(bar);
        boolean intro = plan.isIntro(bar);
        Chord chord = plan.chord(bar);
        Chord next = plan.chord(bar + 1);
        drums(bar, level, intro, section, random, out);
        bass(bar, chord, next, level, intro, random, out);
        chords(bar, chord, level, intro, section, random, out);
        if (!intro && section.motif() != null && section.melody() && (level >= 0.15 || style.barsPerChord > 1)) {
            melody(bar, chord, level, section, random, out);
        } else {
            melodyLast = -1;
        }
    }

    // ---- drums -------------------------------------------------------------------------------------

    private static final String[] EL_KICK = {"X...X...X...X...", "X...X...X...X.o."};
    private static final String EL_CLAP = "....X.......X...";
    private static final String[] LOFI_KICK = {"X.......X.x.....", "X.....x.X......."};
    private static final String LOFI_SNARE = "....X.......X...";
    private static final String LOFI_GHOST = "......o.......o.";
    private static final String[] AC_KICK = {"X.......X.......", "X.....x.X.....x."};
    private static final String AC_RIM = "....X.......X...";
    private static final String[] CIN_TOM = {"x...o...x...o...", "x...o..ox...o.o.", "X.o.x.oxX.o.x.ox"};

    private void pattern(List<NoteEvent> out, Part part, String p, int bar, double scale, double pan, boolean tight,
                         int lastStep, SplittableRandom random) {
        for (int s = 0; s < Math.min(16, lastStep); s++) {
            char c = p.charAt(s);
            if (c == '.') {
                continue;
            }
            double v = (c == 'X' ? 1.0 : c == 'x' ? 0.75 : 0.45) * scale * human(random);
            double t = stepTime(bar, s) + (tight && s % 4 == 0 ? 0 : loose(random) * (tight ? 0.5 : 1));
            add(out, part, t, 0, 0, v, pan, random);
        }
    }

    /** Hats or shaker: 1 per beat, 2 (eighths) or 4 (sixteenths), accented on the beat. */
    private void cymbals(List<NoteEvent> out, Part part, int bar, int perBeat, double base, boolean offbeatOnly,
                         int lastStep, double pan, SplittableRandom random) {
        for (int s = 0; s < lastStep; s++) {
            boolean onGrid = s % (4 / perBeat) == 0;
            if (!onGrid || (offbeatOnly && s % 4 != 2)) {
                continue;
            }
            double accent = s % 4 == 0 ? 1.0 : s % 2 == 0 ? 0.75 : 0.5;
            add(out, part, stepTime(bar, s) + loose(random), 0, 0, base * accent * human(random), pan, random);
        }
    }

    private void drums(int bar, double level, boolean intro, FormPlan.Section section, SplittableRandom random,
                       List<NoteEvent> out) {
        boolean fill = plan.changesAfter(bar);
        boolean bigFill = fill && level > 0.55;
        int fillFrom = bigFill ? 8 : 12;
        int groove = section.groove();
        int perBeat = level < 0.3 ? 1 : level < 0.68 ? 2 : 4;
        double soft = intro ? 0.7 : 1.0;
        switch (style) {
            case ELECTRONIC -> {
                pattern(out, Part.KICK, EL_KICK[slowFeel() ? 0 : groove], bar, 0.95, 0, true, 16, random);
                int lastHat = fill ? fillFrom : 16;
                if (!intro) {
                    pattern(out, Part.CLAP, EL_CLAP, bar, 0.7 + 0.25 * level, 0.05, true, lastHat, random);
                }
                if (slowFeel()) {
                    // Downtempo: hats accent the beat; off-beat open hats would pass for the beat itself.
                    cymbals(out, Part.CLOSED_HAT, bar, intro ? 1 : Math.max(2, perBeat), 0.45 * soft, false, lastHat,
                            0.3, random);
                } else if (intro || perBeat == 1) {
                    cymbals(out, Part.CLOSED_HAT, bar, 2, 0.55 * soft, true, lastHat, 0.3, random);
                } else {
                    cymbals(out, Part.CLOSED_HAT, bar, perBeat, 0.4 + 0.2 * level, false, lastHat, 0.3, random);
                    if (level >= 0.5) {
                        cymbals(out, Part.OPEN_HAT, bar, 2, 0.45, true, lastHat, -0.2, random);
                    }
                }
                if (fill) {
                    roll(out, Part.CLAP, bar, fillFrom, 0.3, 0.85, random);
                }
            }
            case LOFI -> {
                pattern(out, Part.KICK, LOFI_KICK[groove], bar, 0.85 * soft, 0, true, 16, random);
                int last = fill ? fillFrom : 16;
                pattern(out, Part.SNARE, LOFI_SNARE, bar, (0.55 + 0.2 * level) * soft, 0.08, true, last, random);
                if (level > 0.45 && !intro) {
                    pattern(out, Part.SNARE, LOFI_GHOST, bar, 0.35, 0.08, false, last, random);
                }
                cymbals(out, Part.CLOSED_HAT, bar, Math.min(2, perBeat + (intro ? 0 : 1)), 0.5 * soft, false, 16, 0.3,
                        random);
                if (groove == 1 && !intro && level > 0.35) {
                    add(out, Part.OPEN_HAT, stepTime(bar, 14) + loose(random), 0, 0, 0.35, -0.2, random);
                }
                if (fill) {
                    roll(out, Part.SNARE, bar, fillFrom, 0.2, 0.6, random);
                }
            }
            case ACOUSTIC -> {
                pattern(out, Part.KICK, AC_KICK[groove], bar, 0.85 * soft, 0, true, 16, random);
                int last = fill ? fillFrom : 16;
                pattern(out, Part.RIM, AC_RIM, bar, (0.6 + 0.2 * level) * soft, 0.15, true, last, random);
                cymbals(out, Part.SHAKER, bar, intro ? 2 : Math.max(2, perBeat), 0.55 + 0.2 * level, false, 16, -0.3,
                        random);
                if (fill) {
                    roll(out, Part.TOM, bar, fillFrom, 0.45, 0.9, random);
                }
            }
            case CINEMATIC -> {
                int tier = intro ? 0 : level < 0.4 ? 0 : level < 0.7 ? 1 : 2;
                int last = fill ? fillFrom : 16;
                pattern(out, Part.TOM, CIN_TOM[tier], bar, (0.6 + 0.3 * level) * soft, -0.1, true, last, random);
                boolean boomHere = plan.barInPhrase(bar) % 2 == 0 || level > 0.6;
                if (boomHere && !isCutBar(bar)) {
                    add(out, Part.BOOM, beatTime(bar, 0), 0, 0, 0.55 + 0.35 * level, 0, random);
                }
                if (fill) {
                    roll(out, Part.TOM, bar, fillFrom, 0.45, 1.0, random);
                }
            }
            case AMBIENT -> {
                for (int j = 0; j < BeatGrid.BEATS_PER_BAR; j++) {
                    // The heartbeat stays nearly as strong in the intro: it is all the pulse there is.
                    double v = (j == 0 ? 0.7 : 0.58) * (0.85 + 0.3 * level) * (intro ? 0.9 : 1);
                    add(out, Part.KICK, beatTime(bar, j), 0, 0, v * human(random), 0, random);
                }
                if (!intro) {
                    // On the beat only: the pulse, not a subdivision the ear could take for the beat.
                    cymbals(out, Part.SHAKER, bar, 1, 0.22 + 0.25 * level, false, 16, -0.3, random);
                }
            }
        }
        if (fill && style.risers) {
            double from = beatTime(bar, 0);
            double to = beatTime(bar + 1, 0);
            add(out, Part.RISER, from, to - from, 60, 0.5 + 0.3 * level, 0, random);
        }
        crashes(bar, level, random, out);
    }

    /** Electronic below 105 BPM is played with a downtempo feel: nothing accents the off-beats. */
    private boolean slowFeel() {
        return style == Style.ELECTRONIC && grid.periodS > 60 / 105.0;
    }

    private boolean isCutBar(int bar) {
        for (int beat : plan.cutBeats) {
            if (beat / BeatGrid.BEATS_PER_BAR == bar) {
                return true;
            }
        }
        return false;
    }

    /** Crash (boom and crash for cinematic) on the beat nearest each cut, and a light one on section starts. */
    private void crashes(int bar, double level, SplittableRandom random, List<NoteEvent> out) {
        boolean cutHere = false;
        for (int beat : plan.cutBeats) {
            if (beat / BeatGrid.BEATS_PER_BAR != bar) {
                continue;
            }
            cutHere |= beat % BeatGrid.BEATS_PER_BAR == 0;
            double t = grid.beatTime(beat);
            add(out, Part.CRASH, t, 0, 0, style == Style.AMBIENT ? 0.5 : 0.85, -0.3, random);
            if (style == Style.CINEMATIC) {
                add(out, Part.BOOM, t, 0, 0, 0.95, 0, random);
            }
        }
        boolean sectionStart = bar > 0 && plan.section(bar).start() == bar && !plan.isIntro(bar);
        if (sectionStart && !cutHere && style.parts.contains(Part.CRASH)) {
            add(out, Part.CRASH, beatTime(bar, 0), 0, 0, 0.45 + 0.3 * level, -0.3, random);
        }
    }

    /** A crescendo of sixteenths from step {@code from} to the end of the bar. */
    private void roll(List<NoteEvent> out, Part part, int bar, int from, double v0, double v1, SplittableRandom random) {
        int n = 16 - from;
        for (int s = from; s < 16; s++) {
            double v = v0 + (v1 - v0) * (s - from) / Math.max(1, n - 1);
            double t = stepTime(bar, s) + (s % 4 == 0 ? 0 : 0.5 * loose(random));
            add(out, part, t, 0, 0, v * human(random), part == Part.TOM ? -0.15 : 0.08, random);
        }
    }

    // ---- bass --------------------------------------------------------------------------------------

    private Part bassPart() {
        return switch (style) {
            case ELECTRONIC, AMBIENT -> Part.SYNTH_BASS;
            case LOFI -> Part.ELECTRIC_BASS;
            case ACOUSTIC -> Part.UPRIGHT_BASS;
            case CINEMATIC -> Part.CONTRABASS;
        };
    }

    /** Root of {@code chord} in the bass register, A1..G#2. */
    private int bassPitch(int semitonesAboveTonic) {
        int p = 33 + Math.floorMod(key.tonicPitchClass + semitonesAboveTonic - 9, 12);
        return p;
    }

    /** A note a step away from the next root, approaching it: scale step below or chromatic above. */
    private int approach(int nextRoot, boolean chromatic, SplittableRandom random) {
        if (chromatic) {
            return random.nextBoolean() ? nextRoot - 1 : nextRoot + 1;
        }
        int rel = nextRoot - (key.tonicPitchClass + 36);
        int below = nextRoot - 1;
        for (int d = 1; d <= 2; d++) {
            int pc = Math.floorMod(rel - d, 12);
            for (int s : key.scale()) {
                if (s == pc) {
                    below = nextRoot - d;
                    return below;
                }
            }
        }
        return below;
    }

    private void bass(int bar, Chord chord, Chord next, double level, boolean intro, SplittableRandom random,
                      List<NoteEvent> out) {
        Part part = bassPart();
        int root = bassPitch(chord.root());
        int fifth = root + (chord.tones()[2] - chord.tones()[0]);
        int third = root + (chord.tones()[1] - chord.tones()[0]);
        int nextRoot = bassPitch(next.root());
        boolean changing = next.degree() != chord.degree();
        double beat = grid.periodS;
        double start = beatTime(bar, 0);
        double v = (0.75 + 0.2 * level) * human(random);
        switch (style) {
            case ELECTRONIC -> {
                if (intro) {
                    return;
                }
                if (level < 0.35) {
                    add(out, part, start, 1.9 * beat, root, v, 0, random);
                    add(out, part, beatTime(bar, 2), 1.9 * beat, root, v, 0, random);
                } else if (level < 0.7 || slowFeel()) {
                    // Off-beat pumping bass; on the beat at slow tempi, where the off-beats would take over.
                    int offset = slowFeel() ? 0 : 2;
                    for (int j = 0; j < 4; j++) {
                        int pitch = j == 3 && changing ? approach(nextRoot, false, random) : root;
                        add(out, part, stepTime(bar, 4 * j + offset), (slowFeel() ? 0.8 : 0.45) * beat, pitch, v, 0,
                                random);
                    }
                } else {
                    for (int s = 0; s < 8; s++) {
                        int pitch = s == 7 && changing ? approach(nextRoot, false, random) : s % 2 == 0 ? root : root + 12;
                        add(out, part, stepTime(bar, 2 * s), 0.42 * beat, pitch, v * (s % 2 == 0 ? 1 : 0.8), 0, random);
                    }
                }
            }
            case LOFI -> {
                add(out, part, start, (level < 0.3 || intro ? 2.0 : 1.4) * beat, root, v, 0, random);
                add(out, part, beatTime(bar, 2), 0.9 * beat, intro ? root : fifth, v * 0.85, 0, random);
                if (!intro && level >= 0.3) {
                    add(out, part, stepTime(bar, 6), 0.35 * beat, root + 12, v * 0.7, 0, random);
                    if (changing) {
                        add(out, part, stepTime(bar, 14), 0.4 * beat, approach(nextRoot, true, random), v * 0.75, 0,
                                random);
                    }
                }
            }
            case ACOUSTIC -> {
                if (intro || level < 0.45) {
                    add(out, part, start, 1.8 * beat, root, v, 0, random);
                    // Root and its octave rather than root and fifth: a bass sounding every chord's fifth (which
                    // its overtones already stress) leaned the whole piece towards the dominant key.
                    add(out, part, beatTime(bar, 2), 1.8 * beat, root + 12, v * 0.9, 0, random);
                } else {
                    int[] walk = {root, random.nextBoolean() ? third : fifth, fifth,
                            changing ? approach(nextRoot, random.nextBoolean(), random) : root + 12};
                    if (walk[1] == walk[2]) {
                        walk[2] = third == walk[1] ? fifth : root + 12;
                    }
                    for (int j = 0; j < 4; j++) {
                        add(out, part, beatTime(bar, j), 0.85 * beat, walk[j], v * (j == 0 ? 1 : 0.85), 0, random);
                    }
                }
            }
            case AMBIENT -> {
                // The seed picks the sub's pattern: held root, root and fifth, or root with its octave on 3.
                int kind = plan.section(bar).flavor() % 3;
                if (kind == 0 && strikes(bar)) {
                    double end = beatTime(bar + holdBars(bar), 0);
                    add(out, part, start, end - start + 0.05, root, 0.7 + 0.2 * level, 0, random);
                } else if (kind > 0) {
                    add(out, part, start, 2 * beat - 0.05, root, 0.7 + 0.2 * level, 0, random);
                    add(out, part, beatTime(bar, 2), 2 * beat, kind == 1 ? fifth - (fifth - root > 7 ? 12 : 0)
                            : root + 12, 0.6 + 0.2 * level, 0, random);
                }
            }
            case CINEMATIC -> {
                if (strikes(bar)) {
                    double end = beatTime(bar + holdBars(bar), 0);
                    add(out, part, start, end - start + 0.05, root, (style == Style.AMBIENT ? 0.7 : 0.6) + 0.2 * level,
                            0, random);
                }
            }
        }
    }

    // ---- chords ------------------------------------------------------------------------------------

    /**
     * Whether sustained parts (strings, pads, contrabass) strike a new chord at {@code bar}: on a chord change,
     * a section start or the first bar of a phrase; otherwise they hold the previous one.
     */
    private boolean strikes(int bar) {
        return bar == 0 || plan.section(bar).start() == bar || !plan.chord(bar).equals(plan.chord(bar - 1))
                || plan.barInPhrase(bar) % 4 == 0 || plan.isEnding(bar);
    }

    /** Bars from {@code bar} (a striking bar) to the next strike. */
    private int holdBars(int bar) {
        int k = 1;
        while (bar + k < plan.bars && !strikes(bar + k)) {
            k++;
        }
        return k;
    }

    /**
     * The voicing of {@code chord} in [low, high] (MIDI) that moves least from the part's previous one:
     * every inversion of the close-position chord is tried in every octave that fits.
     */
    private int[] voice(Part part, int[] tones, int low, int high) {
        int n = tones.length;
        int[] previous = voicings.get(part);
        int[] best = null;
        double bestCost = Double.MAX_VALUE;
        int center = (low + high) / 2 + voicingBias;
        for (int inversion = 0; inversion < n; inversion++) {
            int[] close = new int[n];
            for (int i = 0; i < n; i++) {
                int k = (i + inversion) % n;
                close[i] = key.tonicPitchClass + tones[k] + (i + inversion >= n ? 12 : 0);
            }
            // Tones can span more than an octave (ninths): keep them ascending.
            for (int i = 1; i < n; i++) {
                while (close[i] <= close[i - 1]) {
                    close[i] += 12;
                }
            }
            for (int octave = 0; octave < 10; octave++) {
                int shift = 12 * octave;
                if (close[0] + shift < low) {
                    continue;
                }
                if (close[n - 1] + shift > high) {
                    break;
                }
                int[] v = new int[n];
                double cost = 0;
                for (int i = 0; i < n; i++) {
                    v[i] = close[i] + shift;
                }
                if (previous != null && previous.length == n) {
                    for (int i = 0; i < n; i++) {
                        cost += Math.abs(v[i] - previous[i]);
                    }
                } else {
                    cost = Math.abs((v[0] + v[n - 1]) / 2.0 - center);
                }
                if (cost < bestCost) {
                    bestCost = cost;
                    best = v;
                }
            }
        }
        if (best == null) {
            best = new int[n];
            for (int i = 0; i < n; i++) {
                best[i] = low + Math.floorMod(key.tonicPitchClass + tones[i] - low, 12);
            }
            java.util.Arrays.sort(best);
        }
        voicings.put(part, best);
        if (spread && n >= 3 && (part == Part.PAD || part == Part.STRINGS) && best[n - 2] - 12 >= low - 5) {
            // Drop-2: the second voice from the top an octave down, for an open, wider sound.
            int[] open = best.clone();
            open[n - 2] -= 12;
            java.util.Arrays.sort(open);
            return open;
        }
        return best;
    }

    private void chords(int bar, Chord chord, double level, boolean intro, FormPlan.Section section,
                        SplittableRandom random, List<NoteEvent> out) {
        double start = beatTime(bar, 0);
        double barEnd = beatTime(bar + 1, 0);
        double beat = grid.periodS;
        int[] tones = chord.tones();
        switch (style) {
            case ELECTRONIC -> {
                int[] v = voice(Part.PAD, tones, 53, 76);
                double vel = 0.5 + 0.3 * (1 - level);
                for (int i = 0; i < v.length; i++) {
                    add(out, Part.PAD, start, barEnd - start + 0.05, v[i], vel, -0.5 + i * 0.33, random);
                }
                if (!intro && (section.counter() || level > 0.6)) {
                    arp(bar, v, level, section, random, out);
                }
            }
            case LOFI -> {
                int[] v = voice(Part.EPIANO, tones, 50, 74);
                String[] comps = {"x.....x.", "x..x..x.", "x...x...", "..x...x.", "x..x...x"};
                String comp = intro || level < 0.3 ? "x......." : comps[(section.flavor() + bar) % comps.length];
                for (int slot = 0; slot < 8; slot++) {
                    if (comp.charAt(slot) != 'x') {
                        continue;
                    }
                    int nextSlot = slot + 1;
                    while (nextSlot < 8 && comp.charAt(nextSlot) != 'x') {
                        nextSlot++;
                    }
                    double t = stepTime(bar, 2 * slot);
                    double gate = (nextSlot < 8 ? stepTime(bar, 2 * nextSlot) : barEnd) - t - 0.03;
                    double vel = (0.45 + 0.25 * level) * (slot == 0 ? 1 : 0.8);
                    for (int i = 0; i < v.length; i++) {
                        // A slight roll, lowest note on the grid.
                        add(out, Part.EPIANO, t + i * 0.006, gate, v[i], vel * human(random), -0.2 + 0.13 * i, random);
                    }
                }
            }
            case ACOUSTIC -> strums(bar, chord, level, intro, section, random, out);
            case CINEMATIC -> {
                ostinato(bar, chord, level, intro, random, out);
                if (!strikes(bar)) {
                    return;
                }
                double end = beatTime(bar + holdBars(bar), 0) + 0.08;
                int[] v = voice(Part.STRINGS, tones, 55, 79);
                double vel = intro ? 0.45 : 0.5 + 0.35 * level;
                for (int i = 0; i < v.length; i++) {
                    add(out, Part.STRINGS, start, end - start, v[i], vel, -0.5 + i * 0.3, random);
                }
                if (section.counter() && !intro && level > 0.4) {
                    add(out, Part.STRINGS, start, end - start, v[v.length - 1] + 12, vel * 0.7, 0.4, random);
                }
            }
            case AMBIENT -> {
                // The seed picks the pad's articulation: held across the chord, swelling again every bar, or
                // re-voiced on beat 3 (the top voice moves to the next chord tone).
                int kind = (section.flavor() / 3) % 3;
                if (kind == 0 && !strikes(bar)) {
                    return;
                }
                int hold = kind == 0 ? holdBars(bar) : 1;
                double end = beatTime(bar + hold, 0) + 0.1;
                double middle = beatTime(bar, 2);
                int[] v = voice(Part.PAD, tones, 52 + voicingBias, 76 + voicingBias);
                for (int i = 0; i < v.length; i++) {
                    boolean moves = kind == 2 && i == v.length - 1;
                    add(out, Part.PAD, start, (moves ? middle : end) - start, v[i], 0.65, -0.5 + i * 0.33, random);
                }
                if (kind == 2) {
                    int top = nearestChordTone(v[v.length - 1] + 3, chord, -1);
                    if (top <= v[v.length - 1]) {
                        top = nearestChordTone(v[v.length - 1] + 5, chord, -1);
                    }
                    add(out, Part.PAD, middle, end - middle, top, 0.55, 0.5, random);
                }
                if (kind != 0 && !strikes(bar)) {
                    return;
                }
                if (!intro && (section.counter() || level > 0.5)) {
                    int[] high = voice(Part.STRINGS, new int[] {tones[0], tones[1], tones[2]}, 67, 86);
                    for (int i = 0; i < high.length; i++) {
                        add(out, Part.STRINGS, start, end - start, high[i], 0.4 + 0.2 * level, 0.5 - 0.5 * i, random);
                    }
                }
            }
        }
    }

    /** Electronic: sixteenth-note arpeggio over the pad voicing, pattern from the section. */
    private void arp(int bar, int[] v, double level, FormPlan.Section section, SplittableRandom random,
                     List<NoteEvent> out) {
        int[][] shapes = {{0, 1, 2, 3}, {0, 2, 1, 3}, {3, 2, 1, 0}, {0, 1, 2, 1}};
        int[] shape = shapes[section.flavor() & 3];
        int perBeat = level > 0.55 ? 4 : 2;
        double beat = grid.periodS;
        for (int s = 0; s < 16; s += 4 / perBeat) {
            int idx = shape[(s / (4 / perBeat)) % shape.length] % v.length;
            int pitch = v[idx] + 12;
            double vel = (s % 4 == 0 ? 0.8 : 0.6) * human(random);
            add(out, Part.ARP, stepTime(bar, s) + 0.5 * loose(random), beat / perBeat * 0.8, pitch, vel, 0.35 - 0.7 * ((s / 2) % 2),
                    random);
        }
    }

    private static final String[] OSTINATO = {"x.x.x.x.x.x.x.x.", "x.xxx.xxx.xxx.xx", "x..x..x.x..x..x.",
        "x.x.x.xxx.x.x.xx"};

    /** Cinematic: pizzicato ostinato (quarters when calm) on root, fifth and octave, beats accented. */
    private void ostinato(int bar, Chord chord, double level, boolean intro, SplittableRandom random,
                          List<NoteEvent> out) {
        // The cell (root, fifth, octave, third in some order) is the section's, chosen by the seed.
        int root = 45 + Math.floorMod(key.tonicPitchClass + chord.root() - 9, 12);
        int fifth = root + (chord.tones()[2] - chord.tones()[0]);
        int third = root + (chord.tones()[1] - chord.tones()[0]);
        int[][] cells = {{root, fifth, root + 12, fifth}, {root, root + 12, fifth, root + 12},
            {root, fifth, root + 12, third + 12}, {root, root, fifth, root + 12}, {root + 12, fifth, third + 12, fifth}};
        int flavor = plan.section(bar).flavor();
        int[] cell = cells[flavor % cells.length];
        int rotation = (flavor / cells.length) % 4;
        int octave = (flavor / (4 * cells.length)) % 2 == 0 ? 0 : 12;
        // The rhythm is the section's too: straight eighths, a gallop, 3+3+2, or eighths with sixteenth pickups.
        String rhythm = intro || level < 0.35 ? "x...x...x...x..." : OSTINATO[(flavor / 7) % OSTINATO.length];
        int hit = 0;
        for (int s = 0; s < 16; s++) {
            if (rhythm.charAt(s) != 'x') {
                continue;
            }
            double vel = (s % 4 == 0 ? 0.85 : 0.55) * (0.7 + 0.3 * level) * human(random);
            double t = stepTime(bar, s) + (s % 4 == 0 ? 0 : loose(random));
            add(out, Part.PIZZICATO, t, 0.2 * grid.periodS, cell[(hit++ + rotation) % 4] + octave, vel, 0.3, random);
        }
    }

    /** Acoustic: a guitar strum pattern, down strums low to high, up strums on the top strings. */
    private void strums(int bar, Chord chord, double level, boolean intro, FormPlan.Section section,
                        SplittableRandom random, List<NoteEvent> out) {
        int[] upper = voice(Part.GUITAR, new int[] {chord.tones()[0], chord.tones()[1], chord.tones()[2]}, 55, 71);
        int low = 40 + Math.floorMod(key.tonicPitchClass + chord.root() - 4, 12);
        int[] strings = {low, low + (chord.tones()[2] - chord.tones()[0]), upper[0], upper[1], upper[2]};
        String[] patterns = {"D.DU.UDU", "D.D.DUDU", "D..UD.DU", "D.DUD.DU"};
        String p = intro || level < 0.3 ? "D.D.D.D." : patterns[section.flavor() % patterns.length];
        double barEnd = beatTime(bar + 1, 0);
        for (int slot = 0; slot < 8; slot++) {
            char c = p.charAt(slot);
            if (c == '.') {
                continue;
            }
            int nextSlot = slot + 1;
            while (nextSlot < 8 && p.charAt(nextSlot) == '.') {
                nextSlot++;
            }
            double t = stepTime(bar, 2 * slot);
            double until = nextSlot < 8 ? stepTime(bar, 2 * nextSlot) : barEnd;
            boolean down = c == 'D';
            double vel = (down ? (slot % 2 == 0 && slot % 4 == 0 ? 0.85 : 0.7) : 0.5) * (0.75 + 0.3 * level);
            double jitter = slot == 0 ? 0 : 0.5 * loose(random);
            int from = down ? 0 : 2;
            for (int k = 0; k < strings.length - from; k++) {
                int string = down ? from + k : strings.length - 1 - k;
                double ts = t + jitter + k * (down ? 0.011 : 0.008);
                add(out, Part.GUITAR, ts, until - ts + 0.02, strings[string], vel * human(random),
                        -0.35 + 0.15 * string, random);
            }
        }
    }

    // ---- melody ------------------------------------------------------------------------------------

    /** Scale index (degree + 7·octave, relative to the tonic at MIDI 60 + tonic) nearest at or below a pitch. */
    private int scaleIndex(int pitch) {
        int rel = pitch - (60 + key.tonicPitchClass);
        int octave = Math.floorDiv(rel, 12);
        int pc = Math.floorMod(rel, 12);
        int[] scale = key.scale();
        int degree = 0;
        for (int d = 0; d < 7; d++) {
            if (scale[d] <= pc) {
                degree = d;
            }
        }
        return degree + 7 * octave;
    }

    private int pitchOf(int index, Chord chord) {
        int p = key.scalePitch(60 + key.tonicPitchClass, index);
        // On a major V in minor the seventh degree is raised (the leading tone the chord contains).
        if (!key.major && chord.contains(11) && Math.floorMod(index, 7) == 6) {
            p += 1;
        }
        return p;
    }

    /** Chord tone nearest {@code pitch}; {@code which} −1 any, 0 root, 1 third or fifth. */
    private int nearestChordTone(int pitch, Chord chord, int which) {
        int best = pitch;
        int bestDistance = Integer.MAX_VALUE;
        int[] tones = chord.tones();
        for (int i = 0; i < 3; i++) {
            if (which == 0 && i != 0 || which == 1 && i == 0) {
                continue;
            }
            int pc = Math.floorMod(key.tonicPitchClass + tones[i], 12);
            for (int p = pitch - 12; p <= pitch + 12; p++) {
                if (Math.floorMod(p, 12) == pc) {
                    int d = Math.abs(p - pitch);
                    if (d < bestDistance || (d == bestDistance && p < best)) {
                        bestDistance = d;
                        best = p;
                    }
                }
            }
        }
        return best;
    }

    private void melody(int bar, Chord chord, double level, FormPlan.Section section, SplittableRandom random,
                        List<NoteEvent> out) {
        boolean slow = style.barsPerChord > 1;
        int inPhrase = plan.barInPhrase(bar);
        if (slow && inPhrase % 2 == 1) {
            twinkle(bar, chord, level, section, random, out); // slow styles: one melodic bar, then an echo
            return;
        }
        int role = inPhrase / style.barsPerChord;
        boolean cadenceBar = role == 3 || plan.changesAfter(bar) || plan.changesAfter(bar + 1) && slow;
        if (cadenceBar) {
            role = 3;
        }
        List<Motif.Step> steps = section.motif().bar(role, slow || level < 0.3);
        int reference = melodyLast < 0 ? melodyCenter : melodyLast;
        if (Math.abs(reference - melodyCenter) > 6) {
            reference = melodyCenter;
        }
        int anchor = nearestChordTone(reference, chord, -1);
        int anchorIndex = scaleIndex(anchor);
        double beat = grid.periodS;
        int last = melodyLast;
        for (Motif.Step st : steps) {
            int pitch;
            if (st.cadence()) {
                boolean closed = plan.consequent(bar);
                pitch = nearestChordTone(last < 0 ? anchor : last, chord, closed ? 0 : 1);
            } else {
                pitch = pitchOf(anchorIndex + st.step(), chord);
                if (st.slot() % 4 == 0) {
                    pitch = nearestChordTone(pitch, chord, -1);
                }
            }
            while (pitch > melodyCenter + 10) {
                pitch -= 12;
            }
            while (pitch < melodyCenter - 9) {
                pitch += 12;
            }
            double t = stepTime(bar, 2 * st.slot()) + (st.slot() % 2 == 0 ? 0 : 0.5 * loose(random));
            double gate = Math.max(0.3, st.length() * 0.5 - 0.1) * beat * (slow ? 2 : 1);
            double vel = (0.55 + 0.3 * level) * (st.slot() % 2 == 0 ? 1 : 0.85) * human(random);
            add(out, melodyPart, t, gate, pitch, vel, -0.2, random);
            last = pitch;
        }
        melodyLast = last;
    }

    /**
     * Slow styles, in the bar after a melodic one: two or three soft chord tones an octave above the melody,
     * on beats drawn from the section's flavour and the bar — an echo, not a second tune.
     */
    private void twinkle(int bar, Chord chord, double level, FormPlan.Section section, SplittableRandom random,
                         List<NoteEvent> out) {
        int bits = (int) ((section.flavor() * 0x9E3779B1L + bar * 0x85EBCA6BL) >>> 7);
        int count = 2 + (bits & 1);
        int reference = melodyLast < 0 ? melodyCenter : melodyLast;
        int previousSlot = 0;
        for (int k = 0; k < count; k++) {
            // On beats 2, 3 or 4: the echo reinforces the pulse rather than blurring it.
            int slot = previousSlot + 2 * (1 + ((bits >>> (2 + 3 * k)) & 1));
            if (slot > 6) {
                break;
            }
            previousSlot = slot;
            int pitch = nearestChordTone(reference + 12 + ((bits >>> (18 + 2 * k)) & 3) * 3 - 4, chord, -1);
            add(out, melodyPart, stepTime(bar, 2 * slot), 1.5 * grid.periodS, pitch, (0.3 + 0.2 * level)
                    * human(random), 0.3, random);
        }
    }

    // ---- ending ------------------------------------------------------------------------------------

    private void ending(int bar, SplittableRandom random, List<NoteEvent> out) {
        double stopAt = grid.durationS - STOP_PULSE_BEFORE_END_S;
        boolean first = bar == plan.finalBar;
        double start = beatTime(bar, 0);
        double hold = grid.durationS - start;
        Chord tonic = plan.chord(bar);
        int[] triad = tonic.tones();
        // The pulse goes on, softening, until a second before the end.
        for (int j = 0; j < BeatGrid.BEATS_PER_BAR; j++) {
            double t = beatTime(bar, j);
            if (t > stopAt) {
                break;
            }
            int k = j + BeatGrid.BEATS_PER_BAR * (bar - plan.finalBar);
            double v = Math.max(0.5, 0.85 - 0.05 * k);
            Part pulse = style == Style.CINEMATIC ? Part.TOM : Part.KICK;
            if (!(first && j == 0 && style == Style.CINEMATIC)) {
                add(out, pulse, t, 0, 0, style == Style.AMBIENT ? 0.6 * v : v, 0, random);
            }
        }
        if (!first) {
            return;
        }
        if (style.parts.contains(Part.CRASH)) {
            add(out, Part.CRASH, start, 0, 0, style == Style.AMBIENT ? 0.5 : 0.8, -0.3, random);
        }
        if (style == Style.CINEMATIC) {
            add(out, Part.BOOM, start, 0, 0, 0.95, 0, random);
        }
        int root = bassPitch(0);
        add(out, bassPart(), start, hold, root, 0.8, 0, random);
        switch (style) {
            case ELECTRONIC, AMBIENT -> {
                int[] v = voice(Part.PAD, triad, 52, 76);
                for (int i = 0; i < v.length; i++) {
                    add(out, Part.PAD, start, hold, v[i], 0.7, -0.5 + i * 0.5, random);
                }
            }
            case LOFI -> {
                int[] v = voice(Part.EPIANO, triad, 50, 74);
                for (int i = 0; i < v.length; i++) {
                    add(out, Part.EPIANO, start + i * 0.02, hold, v[i], 0.6, -0.2 + 0.2 * i, random);
                }
            }
            case ACOUSTIC -> {
                int[] upper = voice(Part.GUITAR, triad, 55, 71);
                int low = 40 + Math.floorMod(key.tonicPitchClass - 4, 12);
                int[] strings = {low, low + 7, upper[0], upper[1], upper[2]};
                for (int k = 0; k < strings.length; k++) {
                    add(out, Part.GUITAR, start + k * 0.03, hold, strings[k], 0.8, -0.35 + 0.15 * k, random);
                }
            }
            case CINEMATIC -> {
                int[] v = voice(Part.STRINGS, triad, 55, 79);
                for (int i = 0; i < v.length; i++) {
                    add(out, Part.STRINGS, start, hold, v[i], 0.75, -0.5 + i * 0.5, random);
                }
                add(out, Part.PIZZICATO, start, 0.3, 45 + Math.floorMod(key.tonicPitchClass - 9, 12), 0.8, 0.3, random);
            }
        }
        // The melody lands on the tonic.
        int reference = melodyLast < 0 ? melodyCenter : melodyLast;
        int target = nearestChordTone(reference, tonic, 0);
        add(out, melodyPart, start, hold, target, 0.65, -0.2, random);
    }
}
