package io.vidscore.rhythm;

import java.util.SplittableRandom;

/** Synthetic onset envelopes with known beats, as a video or audio front end would deliver them. */
final class Envelopes {
    private Envelopes() {
    }

    /** Beat times of a steady pulse starting at {@code firstS}, up to {@code durationS}. */
    static double[] grid(double bpm, double firstS, double durationS) {
        int count = (int) Math.floor((durationS - firstS) * bpm / 60) + 1;
        double[] beats = new double[Math.max(0, count)];
        for (int i = 0; i < beats.length; i++) {
            beats[i] = firstS + i * 60.0 / bpm;
        }
        return beats;
    }

    /**
     * One unit impulse per beat at the nearest frame, each displaced by Gaussian timing jitter
     * (σ = jitterS), over a floor of uniform noise in [0, noise).
     */
    static float[] impulses(double[] beats, double durationS, double rateHz, double jitterS, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] env = new float[(int) Math.round(durationS * rateHz)];
        for (int i = 0; i < env.length; i++) {
            env[i] = (float) (noise * random.nextDouble());
        }
        for (double beat : beats) {
            double t = beat + jitterS * gaussian(random);
            int i = (int) Math.round(t * rateHz);
            if (i >= 0 && i < env.length) {
                env[i] += 1f;
            }
        }
        return env;
    }

    static float[] whiteNoise(double durationS, double rateHz, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] env = new float[(int) Math.round(durationS * rateHz)];
        for (int i = 0; i < env.length; i++) {
            env[i] = (float) Math.abs(gaussian(random));
        }
        return env;
    }

    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
