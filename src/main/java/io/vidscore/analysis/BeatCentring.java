package io.vidscore.analysis;

import java.util.Arrays;

/**
 * Moves each tracked beat to the centre of mass of the onset energy around it. A fast object that turns
 * round between two frames lights up the frames on both sides of the impact more than the impact frames
 * themselves (at speed, every frame shows the object somewhere new); the beat tracker then lands on one
 * of the two humps, up to three frames off. The centre of mass of the energy within ±{@value #HALF_WINDOW}
 * of a beat period (at most ±{@value #MAX_HALF_WINDOW_S} s), above the envelope's local median, lies on the impact. A single sharp onset (a flash)
 * keeps its place.
 */
final class BeatCentring {
    static final double HALF_WINDOW = 0.2;
    /** ...but never more than this: a flash's slow decay must not drag its beat late. */
    static final double MAX_HALF_WINDOW_S = 0.13;

    private BeatCentring() {
    }

    static double[] centre(float[] envelope, double fps, double bpm, double[] beatsS) {
        double period = 60 * fps / bpm;
        int half = (int) Math.max(1, Math.round(Math.min(HALF_WINDOW * period, MAX_HALF_WINDOW_S * fps)));
        int context = (int) Math.max(2, Math.round(period / 2));
        double[] out = new double[beatsS.length];
        for (int i = 0; i < beatsS.length; i++) {
            double b = beatsS[i] * fps;
            int centre = (int) Math.round(b);
            double floor = median(envelope, centre - context, centre + context);
            double mass = 0;
            double moment = 0;
            for (int t = Math.max(0, centre - half); t <= Math.min(envelope.length - 1, centre + half); t++) {
                double w = Math.max(0, envelope[t] - floor);
                mass += w;
                moment += w * t;
            }
            out[i] = mass > 0 ? moment / mass / fps : beatsS[i];
        }
        return out;
    }

    private static double median(float[] v, int from, int to) {
        from = Math.max(0, from);
        to = Math.min(v.length - 1, to);
        if (to < from) {
            return 0;
        }
        float[] w = Arrays.copyOfRange(v, from, to + 1);
        Arrays.sort(w);
        return w[w.length / 2];
    }
}
