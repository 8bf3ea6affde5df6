package io.vidscore.music;

import java.util.SplittableRandom;

/**
 * A one-bar melodic idea: a rhythm on the eighth-note grid and a contour in scale steps relative to the
 * bar's anchor (a chord tone near the previous melody note). Written as steps rather than pitches, the
 * same motif follows the harmony while staying recognisable.
 *
 * <p>Phrase structure, per four-chord phrase: the motif (statement), its answer (the contour mirrored
 * over the same rhythm), the motif again on the new chord (sequence), then a cadence bar — the motif's
 * head and a long note: open (third or fifth of the chord) closing an antecedent phrase, the root closing
 * a consequent one.
 */
final class Motif {
    static final int SLOTS = 8;
    private static final String[] RHYTHMS = {
        "x.x.x.x.", "x.xxx...", "xx.x..x.", "x..x..x.", "x...x.x.", "x.x..xx.", "x..xx.x.", "xxx.x...",
        "x.x.xx..", "x..x.x..",
    };

    /** Onset per eighth-note slot. */
    private final boolean[] onset;
    /** Contour step per slot (meaningful where onset). */
    private final int[] contour;

    private Motif(boolean[] onset, int[] contour) {
        this.onset = onset;
        this.contour = contour;
    }

    static Motif generate(SplittableRandom random) {
        String rhythm = RHYTHMS[random.nextInt(RHYTHMS.length)];
        boolean[] onset = new boolean[SLOTS];
        int[] contour = new int[SLOTS];
        int step = 0;
        boolean leapt = false;
        for (int i = 0; i < SLOTS; i++) {
            onset[i] = rhythm.charAt(i) == 'x';
            if (!onset[i]) {
                continue;
            }
            contour[i] = step;
            int move;
            if (!leapt && random.nextDouble() < 0.2) {
                move = random.nextBoolean() ? 3 : -2;
                leapt = true;
            } else {
                move = random.nextDouble() < 0.8 ? (random.nextBoolean() ? 1 : -1) : 0;
            }
            step = Math.max(-3, Math.min(4, step + move));
        }
        return new Motif(onset, contour);
    }

    /** The same idea, varied for a return: one note moved, or the end of the rhythm changed. */
    Motif varied(SplittableRandom random) {
        boolean[] o = onset.clone();
        int[] c = contour.clone();
        if (random.nextBoolean()) {
            int slot = 1 + random.nextInt(SLOTS - 1);
            if (o[slot]) {
                c[slot] += random.nextBoolean() ? 1 : -1;
            } else {
                o[slot] = true;
                c[slot] = c[slot - 1];
            }
        } else {
            int slot = SLOTS - 1 - random.nextInt(3);
            o[slot] = !o[slot];
            c[slot] = slot > 0 ? c[slot - 1] + 1 : 0;
        }
        return new Motif(o, c);
    }

    /** A note of the realised bar: eighth slot, length in eighths, scale step from the anchor, cadence target. */
    record Step(int slot, int length, int step, boolean cadence) {
    }

    /**
     * The bar at position {@code role} 0..3 of the phrase (statement, answer, sequence, cadence).
     * {@code sparse} keeps only the onsets on beats 1 and 3 (slow styles).
     */
    java.util.List<Step> bar(int role, boolean sparse) {
        java.util.List<Step> out = new java.util.ArrayList<>();
        if (role == 3) {
            int head = -1;
            for (int i = 0; i < 3; i++) {
                if (onset[i]) {
                    head = i;
                    out.add(new Step(i, 1, contour[i], false));
                    if (sparse) {
                        break;
                    }
                }
            }
            int at = sparse ? 4 : Math.max(head + 1, 4);
            out.add(new Step(at, SLOTS - at, 0, true));
            return out;
        }
        int sign = role == 1 ? -1 : 1;
        for (int i = 0; i < SLOTS; i++) {
            if (!onset[i] || (sparse && i % 4 != 0 && i != 6)) {
                continue;
            }
            int next = i + 1;
            while (next < SLOTS && (!onset[next] || (sparse && next % 4 != 0 && next != 6))) {
                next++;
            }
            out.add(new Step(i, next - i, sign * contour[i], false));
        }
        return out;
    }
}
