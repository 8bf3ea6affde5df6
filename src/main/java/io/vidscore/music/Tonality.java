package io.vidscore.music;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Key and mode, and the diatonic chords built on it.
 *
 * <p>Mood mapping: {@code mood = 0.6·(2·brightness − 1) + 0.4·warmth}; mood ≥ 0 (bright and/or warm)
 * gives a major key, mood < 0 (dark and/or cold) a natural-minor key. The tonic follows brightness —
 * darker pictures get a lower tonic, so a deeper bass: brightness 0..1 picks D, E, F, G, A in equal steps.
 * A key override ({@link #parse}) replaces both.
 */
final class Tonality {
    static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
    static final int[] MINOR = {0, 2, 3, 5, 7, 8, 10};
    private static final int[] TONICS = {2, 4, 5, 7, 9};
    private static final String[] NAMES = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
    private static final Pattern KEY = Pattern.compile("([A-G])([#b]?) (major|minor)");
    private static final String KEY_FORM = "a note letter A-G (upper case), optionally followed by # or b, one space,"
            + " then \"major\" or \"minor\" (e.g. \"A minor\", \"F# major\", \"Bb major\")";

    final int tonicPitchClass;
    final boolean major;
    private final String spelling;

    Tonality(int tonicPitchClass, boolean major) {
        this(tonicPitchClass, major, NAMES[Math.floorMod(tonicPitchClass, 12)]);
    }

    private Tonality(int tonicPitchClass, boolean major, String spelling) {
        this.tonicPitchClass = Math.floorMod(tonicPitchClass, 12);
        this.major = major;
        this.spelling = spelling;
    }

    static double mood(double brightness, double warmth) {
        return 0.6 * (2 * clamp01(brightness) - 1) + 0.4 * Math.max(-1, Math.min(1, warmth));
    }

    static Tonality fromMood(double brightness, double warmth) {
        int index = (int) Math.round(clamp01(brightness) * (TONICS.length - 1));
        return new Tonality(TONICS[index], mood(brightness, warmth) >= 0);
    }

    /** Parses a key name strictly: see {@link MusicRequest.Overrides#parseKey}. */
    static Tonality parse(String key) {
        if (key == null) {
            throw new IllegalArgumentException("key is null; expected " + KEY_FORM);
        }
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read key \"" + key + "\"; expected " + KEY_FORM);
        }
        int pc = switch (m.group(1).charAt(0)) {
            case 'C' -> 0;
            case 'D' -> 2;
            case 'E' -> 4;
            case 'F' -> 5;
            case 'G' -> 7;
            case 'A' -> 9;
            default -> 11;
        };
        String accidental = m.group(2);
        pc += accidental.equals("#") ? 1 : accidental.equals("b") ? -1 : 0;
        return new Tonality(pc, m.group(3).equals("major"), m.group(1) + accidental);
    }

    String name() {
        return spelling + (major ? " major" : " minor");
    }

    /**
     * Key signature for the MIDI file: sharps (positive) or flats (negative), −7..7, following the spelling
     * (F# major has six sharps, Gb major six flats); keys without a standard signature use the enharmonic one.
     */
    int sharps() {
        int letter = "FCGDAEB".indexOf(spelling.charAt(0)) - 1; // F = −1 ... B = 5 as major keys
        int sf = letter + (spelling.length() > 1 ? (spelling.charAt(1) == '#' ? 7 : -7) : 0) - (major ? 0 : 3);
        if (sf > 7) {
            sf -= 12;
        } else if (sf < -7) {
            sf += 12;
        }
        return sf;
    }

    int[] scale() {
        return major ? MAJOR : MINOR;
    }

    /** Semitones above the tonic of the triad on scale degree 0..6, root first, ascending. */
    int[] triad(int degree) {
        return stack(degree, 3);
    }

    /** {@code size} diatonic notes stacked in thirds on {@code degree}: 3 a triad, 4 a seventh chord, 5 a ninth. */
    int[] stack(int degree, int size) {
        int[] scale = scale();
        int[] notes = new int[size];
        for (int i = 0; i < size; i++) {
            int step = degree + 2 * i;
            notes[i] = scale[step % 7] + 12 * (step / 7);
        }
        return notes;
    }

    /** Pitch of scale index {@code index} (degree + 7·octave, may be negative) above MIDI note {@code base} of the tonic. */
    int scalePitch(int base, int index) {
        int[] scale = scale();
        return base + scale[Math.floorMod(index, 7)] + 12 * Math.floorDiv(index, 7);
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
