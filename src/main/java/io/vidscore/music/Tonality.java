package io.vidscore.music;

/**
 * Key and mode, and the diatonic triads built on it.
 *
 * <p>Mood mapping: {@code mood = 0.6·(2·brightness − 1) + 0.4·warmth}; mood ≥ 0 (bright and/or warm)
 * gives a major key, mood < 0 (dark and/or cold) a natural-minor key. The tonic follows brightness —
 * darker pictures get a lower tonic, so a deeper bass: brightness 0..1 picks D, E, F, G, A in equal steps.
 */
final class Tonality {
    private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] MINOR = {0, 2, 3, 5, 7, 8, 10};
    private static final int[] TONICS = {2, 4, 5, 7, 9};
    private static final String[] NAMES = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};

    final int tonicPitchClass;
    final boolean major;

    Tonality(int tonicPitchClass, boolean major) {
        this.tonicPitchClass = Math.floorMod(tonicPitchClass, 12);
        this.major = major;
    }

    static double mood(double brightness, double warmth) {
        return 0.6 * (2 * clamp01(brightness) - 1) + 0.4 * Math.max(-1, Math.min(1, warmth));
    }

    static Tonality fromMood(double brightness, double warmth) {
        int index = (int) Math.round(clamp01(brightness) * (TONICS.length - 1));
        return new Tonality(TONICS[index], mood(brightness, warmth) >= 0);
    }

    String name() {
        return NAMES[tonicPitchClass] + (major ? " major" : " minor");
    }

    /** Semitones above the tonic of the triad on scale degree 0..6, root first, ascending. */
    int[] triad(int degree) {
        int[] scale = major ? MAJOR : MINOR;
        int[] notes = new int[3];
        for (int i = 0; i < 3; i++) {
            int step = degree + 2 * i;
            notes[i] = scale[step % 7] + 12 * (step / 7);
        }
        return notes;
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
