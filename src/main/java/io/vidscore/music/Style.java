package io.vidscore.music;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The five styles of the built-in composer: instrumentation, harmonic vocabulary and feel. The patterns
 * themselves are written in {@link Arrangement}; this is what differs between styles as data.
 */
enum Style {
    /** Strings swelling over low toms and booms, a pizzicato ostinato as pulse, celesta melody, risers into cuts. */
    CINEMATIC(2, 3, false, 0.0, false, true,
            EnumSet.of(Part.BOOM, Part.TOM, Part.CRASH, Part.RISER, Part.CONTRABASS, Part.STRINGS, Part.PIZZICATO,
                    Part.CELESTA),
            new int[][] {{0, 5, 2, 6}, {0, 5, 3, 6}, {5, 6, 0, 0}, {0, 2, 6, 5}, {3, 5, 0, 6}, {0, 6, 5, 6}},
            new int[][] {{0, 4, 5, 3}, {0, 3, 5, 4}, {5, 3, 0, 4}, {0, 5, 3, 4}, {3, 0, 4, 5}, {0, 2, 3, 4}}),
    /** Swung hats, soft kick, Rhodes-like FM electric piano in seventh chords, finger bass, vibraphone melody. */
    LOFI(1, 4, false, 0.62, false, false,
            EnumSet.of(Part.KICK, Part.SNARE, Part.CLOSED_HAT, Part.OPEN_HAT, Part.CRASH, Part.ELECTRIC_BASS,
                    Part.EPIANO, Part.VIBES),
            new int[][] {{0, 3, 6, 2}, {0, 5, 3, 4}, {3, 6, 2, 5}, {0, 3, 0, 4}, {5, 3, 0, 6}, {0, 6, 5, 4}},
            new int[][] {{1, 4, 0, 5}, {3, 2, 1, 0}, {0, 5, 1, 4}, {3, 4, 2, 5}, {1, 4, 0, 3}, {0, 3, 1, 4}}),
    /** Four-on-the-floor, clap, open hats on the off-beat, pumping (sidechain-like) saw bass and pad, arp. */
    ELECTRONIC(1, 3, false, 0.0, true, true,
            EnumSet.of(Part.KICK, Part.CLAP, Part.CLOSED_HAT, Part.OPEN_HAT, Part.CRASH, Part.RISER,
                    Part.SYNTH_BASS, Part.PAD, Part.ARP, Part.PLUCK),
            new int[][] {{0, 5, 2, 6}, {0, 3, 6, 2}, {0, 5, 3, 6}, {5, 6, 0, 0}, {0, 6, 5, 6}, {3, 5, 6, 0}},
            new int[][] {{0, 4, 5, 3}, {5, 3, 0, 4}, {0, 3, 5, 4}, {3, 4, 5, 5}, {0, 5, 3, 4}, {3, 0, 4, 5}}),
    /** Karplus–Strong guitar strums, shaker, rim clicks, upright bass, fingerpicked nylon melody. */
    ACOUSTIC(1, 3, true, 0.0, false, false,
            EnumSet.of(Part.KICK, Part.RIM, Part.SHAKER, Part.TOM, Part.CRASH, Part.UPRIGHT_BASS, Part.GUITAR,
                    Part.NYLON),
            new int[][] {{0, 5, 2, 6}, {0, 3, 4, 0}, {0, 5, 3, 4}, {5, 6, 0, 0}, {0, 6, 3, 4}, {3, 0, 6, 4}},
            new int[][] {{0, 4, 5, 3}, {0, 3, 0, 4}, {5, 3, 0, 4}, {0, 3, 5, 4}, {3, 0, 1, 4}, {0, 5, 3, 4}}),
    /** Long pads, two bars per chord, soft heartbeat kick and a quiet shaker on the beat as the pulse, sparse celesta. */
    AMBIENT(2, 3, true, 0.0, false, true,
            EnumSet.of(Part.KICK, Part.SHAKER, Part.CRASH, Part.RISER, Part.SYNTH_BASS, Part.PAD, Part.STRINGS,
                    Part.CELESTA),
            new int[][] {{0, 5, 3, 0}, {0, 3, 5, 6}, {5, 2, 3, 0}, {0, 6, 5, 3}, {3, 5, 0, 6}, {0, 2, 5, 3}},
            new int[][] {{0, 3, 5, 4}, {0, 5, 3, 0}, {3, 0, 5, 4}, {0, 2, 3, 0}, {5, 3, 0, 4}, {0, 4, 3, 0}});

    /** Bars each chord lasts (harmonic rhythm). */
    final int barsPerChord;
    /** Notes stacked in thirds per chord: 3 triads, 4 sevenths. */
    final int chordSize;
    /** Adds the ninth (cinematic/ambient colour) instead of the seventh. */
    final boolean addNine;
    /** Position of the off-beat eighth within the beat: 0 straight, 0.62 a lazy swing. */
    final double swing;
    /** Pad, bass and arp duck under each kick. */
    final boolean pumping;
    /** Risers (noise swells) lead into cuts rather than drum fills alone. */
    final boolean risers;
    final Set<Part> parts;
    final int[][] minorProgressions;
    final int[][] majorProgressions;

    Style(int barsPerChord, int chordSize, boolean addNine, double swing, boolean pumping, boolean risers,
          Set<Part> parts, int[][] minorProgressions, int[][] majorProgressions) {
        this.barsPerChord = barsPerChord;
        this.chordSize = chordSize;
        this.addNine = addNine;
        this.swing = swing;
        this.pumping = pumping;
        this.risers = risers;
        this.parts = parts;
        this.minorProgressions = minorProgressions;
        this.majorProgressions = majorProgressions;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static final List<String> IDS = List.of("cinematic", "lofi", "electronic", "acoustic", "ambient");

    static Style byId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /**
     * Pace of the video, 0 (calm) .. 1 (busy): half mean motion energy, half tempo (70 BPM → 0, 140 BPM → 1).
     */
    static double pace(double meanEnergy, double bpm) {
        double tempo = Math.max(0, Math.min(1, (bpm - 70) / 70));
        return 0.5 * Math.max(0, Math.min(1, meanEnergy)) + 0.5 * tempo;
    }

    /** The mapping table documented on {@link ComposerEngine}. */
    static Style fromMood(double mood, double warmth, double pace) {
        boolean calm = pace < 0.35;
        boolean busy = pace >= 0.62;
        if (mood < -0.2) {
            return calm ? AMBIENT : busy && mood > -0.45 ? ELECTRONIC : CINEMATIC;
        }
        if (busy) {
            return ELECTRONIC;
        }
        if (mood < 0.15) {
            return calm ? (warmth < 0 ? AMBIENT : LOFI) : warmth >= 0.25 ? ACOUSTIC : LOFI;
        }
        return calm && warmth < 0 ? LOFI : ACOUSTIC;
    }
}
