package io.vidscore.music;

import java.util.Arrays;

/**
 * One chord of the piece: scale degree (0 = tonic) and its notes as semitones above the tonic, root first
 * and ascending; {@code tones[0..2]} is always the triad, any further notes are colour (seventh or ninth).
 */
record Chord(int degree, int[] tones) {
    static Chord of(Tonality key, Style style, int degree, boolean plainTriad, boolean majorDominant) {
        int[] tones = key.triad(degree);
        if (majorDominant && !key.major && degree == 4) {
            tones[1] += 1; // harmonic minor: the leading tone makes V major, so V–i really cadences
        }
        if (!plainTriad) {
            if (majorDominant && degree == 4) {
                // Every style's cadential dominant is a V7: its tritone (the leading tone and the fourth degree)
                // belongs to one key only, so the cadence names the key rather than leaning towards the dominant.
                tones = append(tones, tones[0] + 10);
            } else if (style.chordSize == 4) {
                int seventh = key.stack(degree, 4)[3];
                if (majorDominant && !key.major && degree == 4) {
                    seventh = tones[0] + 10; // V7 keeps a minor seventh
                }
                tones = append(tones, seventh);
            } else if (style.addNine && degree != 6 && !(key.major && (degree == 2 || degree == 0)) && !(!key.major && degree == 1)) {
                // No ninth on the major tonic: its ninth is the dominant's fifth, and a tonic coloured with it
                // blurs the key towards the dominant.
                int ninth = key.stack(degree, 5)[4];
                if (ninth - tones[0] == 14) {
                    tones = append(tones, ninth);
                }
            }
        }
        return new Chord(degree, tones);
    }

    private static int[] append(int[] a, int v) {
        int[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = v;
        return out;
    }

    int root() {
        return tones[0];
    }

    /** Pitch classes relative to the tonic. */
    boolean contains(int semitonesAboveTonic) {
        int pc = Math.floorMod(semitonesAboveTonic, 12);
        for (int t : tones) {
            if (Math.floorMod(t, 12) == pc) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Chord c && c.degree == degree && Arrays.equals(c.tones, tones);
    }

    @Override
    public int hashCode() {
        return 31 * degree + Arrays.hashCode(tones);
    }

    @Override
    public String toString() {
        return degree + Arrays.toString(tones);
    }
}
