package io.vidscore.music;

import java.util.SplittableRandom;

/**
 * A one-bar melodic idea of eight eighth-note steps, each a chord-tone index (0 root, 1 third, 2 fifth,
 * 3 octave, 4 the third an octave up) or {@link #REST}. Written as indices rather than pitches, the same
 * motif fits every chord, so the melody follows the harmony while staying recognisable. Each four-bar
 * phrase plays a seeded variation of it, and the phrase's last bar holds its final note as a cadence.
 */
final class Motif {
    static final int STEPS = 8;
    static final int REST = -1;
    static final int TOP = 4;

    private final int[] steps;

    private Motif(int[] steps) {
        this.steps = steps;
    }

    /** Random walk over chord tones: mostly steps of one, some leaps, a few rests, never a rest on the downbeat. */
    static Motif generate(SplittableRandom random) {
        int[] steps = new int[STEPS];
        int tone = random.nextInt(3);
        for (int i = 0; i < STEPS; i++) {
            if (i > 0 && random.nextDouble() < 0.18) {
                steps[i] = REST;
                continue;
            }
            steps[i] = tone;
            int move = random.nextDouble() < 0.75 ? (random.nextBoolean() ? 1 : -1) : (random.nextBoolean() ? 2 : -2);
            tone = Math.max(0, Math.min(TOP, tone + move));
        }
        return new Motif(steps);
    }

    /** The motif as played in bar {@code barOfPhrase} (0..3) of phrase {@code phrase}. */
    int[] stepsFor(int phrase, int barOfPhrase, long seed) {
        int[] out = steps.clone();
        if (phrase > 0) {
            SplittableRandom random = new SplittableRandom(seed ^ (0x5DEECE66DL * (phrase + 1)));
            switch (random.nextInt(4)) {
                case 1 -> shiftTones(out, 1);
                case 2 -> reverseSecondHalf(out);
                case 3 -> invert(out);
                default -> {
                    // the original, so the theme comes back between its variations
                }
            }
        }
        if (barOfPhrase == 3) {
            // Cadence: the phrase's last bar lands on the root and holds it over the last beats.
            out[STEPS - 2] = 0;
            out[STEPS - 1] = REST;
        }
        return out;
    }

    private static void shiftTones(int[] s, int by) {
        for (int i = 0; i < s.length; i++) {
            if (s[i] != REST) {
                s[i] = Math.min(TOP, s[i] + by);
            }
        }
    }

    private static void reverseSecondHalf(int[] s) {
        for (int i = STEPS / 2, j = STEPS - 1; i < j; i++, j--) {
            int t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
    }

    private static void invert(int[] s) {
        for (int i = 0; i < s.length; i++) {
            if (s[i] != REST) {
                s[i] = TOP - s[i];
            }
        }
    }
}
